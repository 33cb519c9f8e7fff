import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, currentUiLanguage, setUiLanguage } from '../i18n/index.ts';
import { languageName } from '../i18n/languages.ts';

/** The interface language, switchable at any time; each language is named in itself. */
export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={compact ? 'lang-select lang-select--compact' : 'lang-select'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {t('language.label')}
      </label>
      <select
        id={id}
        value={currentUiLanguage()}
        onChange={(e) => void setUiLanguage(e.target.value)}
      >
        {UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageName(lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PLANNED_UI_LANGUAGES, languageName } from '../../i18n/languages.ts';

/** A small "Language of the text" choice beside a card's text (each language in itself). */
export function WritingLanguage({
  value,
  onChange,
}: {
  value: string;
  onChange: (lang: string) => void;
}) {
  const { t } = useTranslation('board');
  const id = useId();
  return (
    <span className="writing-lang">
      <label htmlFor={id}>{t('translation.writtenIn')}</label>
      <select
        id={id}
        data-testid="writing-language"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {PLANNED_UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageName(lang)}
          </option>
        ))}
      </select>
    </span>
  );
}

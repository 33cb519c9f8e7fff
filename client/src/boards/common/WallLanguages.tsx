import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionContext.ts';
import { UI_LANGUAGES } from '../../i18n/index.ts';
import { languageName } from '../../i18n/languages.ts';
import { setWallLanguages } from './translationOps.ts';
import { useWallLanguageChoice } from './useTranslated.ts';

/**
 * The facilitator picks the wall's languages (meta.languages): one to show every card in
 * it, or two side by side. Boards with their own setting (open-space
 * settings.projectorLanguages) pass `value` and `onChange` and reuse SideBySide with theirs.
 */
export function WallLanguages({
  value,
  onChange,
}: {
  value?: readonly string[] | undefined;
  onChange?: ((languages: string[]) => void) | undefined;
} = {}) {
  const { t } = useTranslation('facilitator');
  const session = useSession();
  const board = useWallLanguageChoice();
  const [first = '', second = ''] = value ?? board;
  const ids = { first: useId(), second: useId(), help: useId() };
  const save = (a: string, b: string): void => {
    const next = a ? [a, b].filter(Boolean) : [];
    if (onChange) onChange(next);
    else if (session.doc) setWallLanguages(session.doc, next);
  };
  const options = (exclude: string) =>
    UI_LANGUAGES.filter((lang) => lang !== exclude).map((lang) => (
      <option key={lang} value={lang} lang={lang}>
        {languageName(lang)}
      </option>
    ));
  return (
    <div className="wall-languages">
      <p className="field__help" id={ids.help}>
        {t('languages.help')}
      </p>
      <div className="field">
        <label htmlFor={ids.first}>{t('languages.first')}</label>
        <select
          id={ids.first}
          data-testid="wall-language-1"
          value={first}
          aria-describedby={ids.help}
          onChange={(e) => save(e.target.value, e.target.value === second ? '' : second)}
        >
          <option value="">{t('languages.auto')}</option>
          {options('')}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.second}>{t('languages.second')}</label>
        <select
          id={ids.second}
          data-testid="wall-language-2"
          value={second}
          disabled={!first}
          onChange={(e) => save(first, e.target.value)}
        >
          <option value="">{t('languages.none')}</option>
          {options(first)}
        </select>
      </div>
    </div>
  );
}

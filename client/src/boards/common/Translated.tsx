import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseLanguage } from '@twinspace/shared/boards/translations';
import { languageName, languageNameIn } from '../../i18n/languages.ts';
import type { Original } from './translationOps.ts';
import { versionFor } from './translationOps.ts';
import { useTranslated, useTranslationsOf, type Translated } from './useTranslated.ts';

interface TranslatedTextProps {
  /** `${root}/${entityId}` of the topic or card (translationTarget). */
  target: string;
  original: Original;
  className?: string;
  /** Wall type: no reveal button (a projector is read from afar, not clicked). */
  readOnly?: boolean | undefined;
  /** Show this language instead of the interface's (a projector set to one language). */
  language?: string | undefined;
}

/**
 * A topic's or card's title and text in the viewer's language when someone translated it,
 * with the original marked ("Translation · original: German", a button reveals it); an
 * untranslated text in another language is marked "Original: German".
 */
export function TranslatedText({
  target,
  original,
  className = '',
  readOnly,
  language,
}: TranslatedTextProps) {
  const version = useTranslated(target, original, language);
  return (
    <div className={`translated ${className}`}>
      <VersionBody title={version.title} text={version.text} language={version.language} />
      {/* Most cards are in the reader's language: no mark, and no hooks for it per card. */}
      {version.original.language ? <OriginalMark version={version} readOnly={readOnly} /> : null}
    </div>
  );
}

function VersionBody({ title, text, language }: Omit<Original, never>) {
  return (
    <>
      {title ? (
        <p className="translated__title" lang={language}>
          {title}
        </p>
      ) : null}
      {text ? (
        <p className="translated__text" lang={language}>
          {text}
        </p>
      ) : null}
    </>
  );
}

/** The mark under a translated (or foreign) text, and the original on request. */
export function OriginalMark({
  version,
  readOnly = false,
}: {
  version: Translated;
  readOnly?: boolean | undefined;
}) {
  const { t, i18n } = useTranslation('board');
  const viewer = i18n.resolvedLanguage ?? i18n.language;
  const [open, setOpen] = useState(false);
  const id = useId();
  const lang = version.original.language;
  if (!lang) return null;
  const name = languageNameIn(lang, viewer);
  if (!version.translated) {
    if (baseLanguage(lang) === baseLanguage(viewer)) return null;
    return <p className="translated__mark">{t('translation.original', { language: name })}</p>;
  }
  return (
    <div className="translated__mark">
      <span>{t('translation.translated', { language: name })}</span>
      {readOnly ? null : (
        <button
          type="button"
          className="button button--link"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {t(open ? 'translation.hideOriginal' : 'translation.showOriginal')}
        </button>
      )}
      <div id={id} className="translated__original" hidden={!open}>
        {open ? <VersionBody {...version.original} /> : null}
      </div>
    </div>
  );
}

/**
 * The projector's two languages side by side (the facilitator picks them): each column
 * shows the translation, or the original (muted and marked) while nobody translated it.
 */
export function SideBySide({
  target,
  original,
  languages,
}: {
  target: string;
  original: Original;
  languages: readonly string[];
}) {
  const { t, i18n } = useTranslation('board');
  const viewer = i18n.resolvedLanguage ?? i18n.language;
  const all = useTranslationsOf(target);
  const [first = '', second = ''] = languages;
  return (
    <div
      className="side-by-side"
      role="group"
      aria-label={t('translation.columns', {
        first: languageName(first),
        second: languageName(second),
      })}
    >
      {[first, second].map((lang) => {
        const version = versionFor(original, all, target, lang);
        const isOriginal =
          !version.translated && !!original.language && baseLanguage(original.language) === lang;
        const fallback = !version.translated && !isOriginal;
        return (
          <div
            key={lang}
            className={fallback ? 'side-by-side__col is-fallback' : 'side-by-side__col'}
          >
            <VersionBody title={version.title} text={version.text} language={version.language} />
            {fallback && original.language ? (
              <p className="translated__mark">
                {t('translation.original', {
                  language: languageNameIn(original.language, viewer),
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

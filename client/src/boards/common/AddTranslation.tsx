import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { baseLanguage } from '@twinspace/shared/boards/translations';
import { UI_LANGUAGES } from '../../i18n/index.ts';
import { languageName } from '../../i18n/languages.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { TEXT_MAX, TITLE_MAX, saveTranslation, type Original } from './translationOps.ts';
import { useTranslationsOf } from './useTranslated.ts';
import { useEdit } from './useEdit.ts';
import type { Translation } from '@twinspace/shared/boards/translations';

const SUBJECT_MAX = 40;
const shorten = (text: string): string =>
  text.length > SUBJECT_MAX ? `${text.slice(0, SUBJECT_MAX - 1).trimEnd()}…` : text;

/**
 * "Translate": a bilingual participant adds (or edits) their translation of a topic or
 * card into one of the interface languages. The original stays untouched. Works offline
 * like every edit. Keyboard: the button opens the form, Escape closes it, focus returns.
 * Every card of a long list has this button, so the form's own state lives in
 * TranslationForm, mounted only when opened (a phone's first render of 200 cards).
 */
export function AddTranslation({ target, original }: { target: string; original: Original }) {
  const { t, i18n } = useTranslation('board');
  const me = useParticipantId();
  const all = useTranslationsOf(target);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const viewer = baseLanguage(i18n.resolvedLanguage ?? i18n.language);
  const from = original.language ? baseLanguage(original.language) : null;
  const choices = UI_LANGUAGES.filter((lang) => lang !== from);
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState(choices.includes(viewer) ? viewer : (choices[0] ?? viewer));
  if (me === null || choices.length === 0) return null;
  const mineIn = (l: string) => all.filter((x) => x.owner === me && x.language === l).at(-1);
  const close = (): void => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const subject = shorten(original.title ?? original.text ?? '');

  return (
    <>
      <button
        type="button"
        ref={opener}
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={t('translation.addFor', { subject })}
        onClick={() => setOpen(!open)}
      >
        {t(mineIn(lang) ? 'translation.edit' : 'translation.add')}
      </button>
      {open ? (
        <TranslationForm
          id={formId}
          target={target}
          original={original}
          choices={choices}
          lang={lang}
          setLang={setLang}
          mineIn={mineIn}
          close={close}
        />
      ) : null}
    </>
  );
}

interface FormProps {
  id: string;
  target: string;
  original: Original;
  choices: readonly string[];
  lang: string;
  setLang: (lang: string) => void;
  mineIn: (lang: string) => Translation | undefined;
  close: () => void;
}

function TranslationForm({
  id,
  target,
  original,
  choices,
  lang,
  setLang,
  mineIn,
  close,
}: FormProps) {
  const { t } = useTranslation('board');
  const edit = useEdit();
  const ids = { lang: useId(), title: useId(), text: useId() };
  const [title, setTitle] = useState(() => mineIn(lang)?.title ?? '');
  const [text, setText] = useState(() => mineIn(lang)?.text ?? '');

  const start = (l: string): void => {
    const mine = mineIn(l);
    setLang(l);
    setTitle(mine?.title ?? '');
    setText(mine?.text ?? '');
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim() && !text.trim()) return;
    // Through useEdit: a new translation waits for approval when the facilitator asks so.
    if (edit((doc, owner) => saveTranslation(doc, owner, target, lang, { title, text }))) close();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') close();
  };

  return (
    <form
      id={id}
      className="translate-form"
      onSubmit={save}
      onKeyDown={onKeyDown}
      aria-label={t('translation.heading')}
    >
      <div className="field">
        <label htmlFor={ids.lang}>{t('translation.language')}</label>
        <select id={ids.lang} value={lang} onChange={(e) => start(e.target.value)}>
          {choices.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      {original.title !== undefined ? (
        <div className="field">
          <label htmlFor={ids.title}>{t('translation.title')}</label>
          <input
            id={ids.title}
            lang={lang}
            value={title}
            maxLength={TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
          />
        </div>
      ) : null}
      {original.text !== undefined ? (
        <div className="field">
          <label htmlFor={ids.text}>{t('translation.text')}</label>
          <textarea
            id={ids.text}
            lang={lang}
            value={text}
            rows={3}
            maxLength={TEXT_MAX}
            onChange={(e) => setText(e.target.value)}
            autoFocus={original.title === undefined}
            data-testid="translation-text"
          />
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary button--small">
          {t('translation.save')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={close}>
          {t('translation.cancel')}
        </button>
      </div>
    </form>
  );
}

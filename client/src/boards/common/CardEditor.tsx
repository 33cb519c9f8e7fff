import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionContext.ts';
import { CARD_TEXT_MAX, cleanCardText, editCard } from './cardOps.ts';
import { useTypingPresence } from './useTypingPresence.ts';
import { WritingLanguage } from './WritingLanguage.tsx';
import { currentUiLanguage } from '../../i18n/index.ts';

/** Inline editing of a card's text and its language: Enter saves, Escape cancels. */
export function CardEditor({
  cardId,
  text,
  language,
  onDone,
}: {
  cardId: string;
  text: string;
  language: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('board');
  const session = useSession();
  const id = useId();
  const [draft, setDraft] = useState(text);
  const [lang, setLang] = useState(language ?? currentUiLanguage());
  const typing = useTypingPresence(cardId);

  const save = (event?: FormEvent): void => {
    event?.preventDefault();
    if (cleanCardText(draft) === null || !session.doc) return;
    editCard(session.doc, cardId, draft, lang);
    typing.stop();
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Escape') onDone();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) save(event);
  };

  return (
    <form className="card__editor" onSubmit={save}>
      <label htmlFor={id} className="visually-hidden">
        {t('cards.editLabel')}
      </label>
      <textarea
        id={id}
        value={draft}
        maxLength={CARD_TEXT_MAX}
        rows={3}
        autoFocus
        onChange={(e) => {
          setDraft(e.target.value);
          typing.typed();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="card__editor-actions">
        <WritingLanguage value={lang} onChange={setLang} />
        <button type="submit" className="button button--primary button--small">
          {t('cards.save')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onDone}>
          {t('cards.cancel')}
        </button>
      </div>
    </form>
  );
}

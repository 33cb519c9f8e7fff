import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionContext.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { CARD_TEXT_MAX, addCard, cleanCardText } from './cardOps.ts';
import { useTypingPresence } from './useTypingPresence.ts';
import { useEdit } from './useEdit.ts';
import { WritingLanguage } from './WritingLanguage.tsx';
import { useWritingLanguage } from './writingLanguage.ts';

/** Shown only when fewer characters than this remain, so the form stays quiet. */
const COUNTER_FROM = 100;

/**
 * Adding a card works offline too: it goes into the local document at once and reaches
 * everyone when the connection is back. Enter adds, Shift+Enter makes a new line.
 */
export function AddCardForm() {
  const { t } = useTranslation('board');
  const session = useSession();
  const edit = useEdit();
  const owner = useParticipantId();
  const typing = useTypingPresence('cards');
  const ids = { input: useId(), hint: useId() };
  const [text, setText] = useState('');
  const [language, setLanguage] = useWritingLanguage();
  const input = useRef<HTMLTextAreaElement>(null);
  const remaining = CARD_TEXT_MAX - text.length;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!session.doc || owner === null || cleanCardText(text) === null) {
      input.current?.focus();
      return;
    }
    // Through useEdit: a card waits for approval when the facilitator asks so (moderation).
    edit((doc, me) => addCard(doc, me, text, language));
    setText('');
    typing.stop();
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form className="add-card" onSubmit={submit} aria-labelledby={`${ids.input}-heading`}>
      <h2 id={`${ids.input}-heading`} className="visually-hidden">
        {t('add.heading')}
      </h2>
      <div className="add-card__head">
        <label htmlFor={ids.input} className="add-card__label">
          {t('add.label')}
        </label>
        <WritingLanguage value={language} onChange={setLanguage} />
      </div>
      <textarea
        id={ids.input}
        ref={input}
        data-testid="card-input"
        className="add-card__input"
        value={text}
        maxLength={CARD_TEXT_MAX}
        rows={2}
        placeholder={t('add.placeholder')}
        aria-describedby={ids.hint}
        onChange={(e) => {
          setText(e.target.value);
          typing.typed();
        }}
        onBlur={() => typing.stop()}
        onKeyDown={onKeyDown}
      />
      <div className="add-card__row">
        {remaining <= COUNTER_FROM ? (
          <p className="add-card__hint" id={ids.hint}>
            {t('add.remaining', { count: remaining })}
          </p>
        ) : (
          <p className="add-card__hint add-card__hint--keys" id={ids.hint}>
            {t('add.hint')}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="card-submit">
          {t('add.submit')}
        </button>
      </div>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardKind } from '@twinspace/shared/boards/common';
import { createEventBoard } from './api.ts';

/**
 * Every board kind (BOARD_KINDS), named here so that this page does not import the module
 * that defines it, which brings Yjs along; the type fails if a kind is missing.
 */
const KINDS = Object.keys({ 'open-space': 0, 'match-sprint': 0 } satisfies Record<
  BoardKind,
  0
>) as BoardKind[];

/** A new board in the event: it takes the event's key, so its console opens from here. */
export function NewBoardForm({
  event,
  token,
  onCreated,
}: {
  event: string;
  token: string;
  onCreated: () => void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const ids = { title: useId(), kind: useId() };
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<BoardKind>('open-space');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy || !title.trim()) return;
    setBusy(true);
    try {
      await createEventBoard(event, token, kind, title.trim());
      setTitle('');
      setFailed(false);
      onCreated();
    } catch {
      setFailed(true);
    }
    setBusy(false);
  };
  return (
    <form
      className="panel event-new-board"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="event-new-board-h"
    >
      <h2 id="event-new-board-h">{t('console.newBoard')}</h2>
      <div className="field">
        <label htmlFor={ids.title}>{t('console.boardTitle')}</label>
        <input
          id={ids.title}
          data-testid="event-board-title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('console.boardKind')}</label>
        <select
          id={ids.kind}
          data-testid="event-board-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as BoardKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`common:kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {failed ? (
        <p className="form-error" role="alert">
          {t('console.failed')}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        aria-busy={busy}
        data-testid="event-board-create"
      >
        {t('console.createBoard')}
      </button>
    </form>
  );
}

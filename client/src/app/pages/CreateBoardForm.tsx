import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_KINDS, type BoardKind } from '@twinspace/shared/boards/common';
import type { CreateBoardResponse } from '@twinspace/shared/protocol';
import { ApiError, createBoard, type ApiFailure } from '../../sync/api.ts';

const TITLE_MAX = 200;

export function CreateBoardForm({
  onCreated,
}: {
  onCreated: (board: CreateBoardResponse) => void;
}) {
  const { t } = useTranslation(['landing', 'common']);
  const ids = { title: useId(), kind: useId(), kindHelp: useId(), error: useId() };
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<BoardKind>('open-space');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiFailure | 'title-required' | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const trimmed = title.trim();
    if (!trimmed) return setProblem('title-required');
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await createBoard({ kind, title: trimmed }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.kind : 'network');
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${ids.title}-h`}
    >
      <h2 id={`${ids.title}-h`}>{t('create.heading')}</h2>
      <div className="field">
        <label htmlFor={ids.title}>{t('create.title')}</label>
        <input
          id={ids.title}
          data-testid="create-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={TITLE_MAX}
          placeholder={t('create.titlePlaceholder')}
          required
          aria-invalid={problem === 'title-required' || problem === 'invalid' || undefined}
          aria-describedby={problem ? ids.error : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('create.kind')}</label>
        <select
          id={ids.kind}
          data-testid="create-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as BoardKind)}
          aria-describedby={ids.kindHelp}
        >
          {BOARD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`common:kinds.${k}`)}
            </option>
          ))}
        </select>
        <p className="field__help" id={ids.kindHelp}>
          {t(`create.kindHelp.${kind}`)}
        </p>
      </div>
      {problem ? (
        <p className="form-error" id={ids.error} role="alert">
          {t(`create.errors.${problem}`)}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary button--block"
        data-testid="create-submit"
        aria-busy={busy}
      >
        {t(busy ? 'create.submitting' : 'create.submit')}
      </button>
    </form>
  );
}

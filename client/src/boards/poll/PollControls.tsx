import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_KINDS, POLL_LIMITS, type PollKind } from '@twinspace/shared/boards/poll/layout';
import type { Poll } from '@twinspace/shared/boards/poll/read';
import { ExportButton } from '../../components/ExportButton.tsx';
import { currentUiLanguage } from '../../i18n/index.ts';
import { usePolls, useShownPoll } from '../../state/pollStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { startPollBinding } from './binding.ts';
import { PollResults } from './PollResults.tsx';
import './polls.css';

startPollBinding();

/** The facilitator's polls: create one, open and close it, show it on the projector. */
export function PollControls() {
  const { t } = useTranslation('polls');
  const polls = usePolls();
  return (
    <div className="pl-controls" data-testid="pl-controls">
      <CreatePoll />
      {polls.length === 0 ? <p className="field__help">{t('none')}</p> : null}
      <ul className="pl-admin-list">
        {[...polls].reverse().map((poll) => (
          <PollAdmin key={poll.id} poll={poll} />
        ))}
      </ul>
      {polls.length > 0 ? (
        <ExportButton
          file={`export.polls?lang=${encodeURIComponent(currentUiLanguage())}`}
          className="button button--small button--quiet"
          testId="pl-export-csv"
        >
          {t('exportCsv')}
        </ExportButton>
      ) : null}
    </div>
  );
}

/** Multiple choice and rating scales have options (a scale's are its levels, e.g. seed 004's levels of trust). */
const needsOptions = (kind: PollKind): boolean => kind === 'choice' || kind === 'scale';

function CreatePoll() {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const ids = { kind: useId(), question: useId(), options: useId(), max: useId() };
  const [kind, setKind] = useState<PollKind>('choice');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [maxChoices, setMaxChoices] = useState(1);
  const list = options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  const valid =
    question.trim() !== '' &&
    (!needsOptions(kind) ||
      (list.length >= POLL_LIMITS.minOptions && list.length <= POLL_LIMITS.options));
  const create = (event: FormEvent): void => {
    event.preventDefault();
    void command({
      type: 'poll-create',
      kind,
      question: question.trim(),
      options: needsOptions(kind) ? list : [],
      ...(kind === 'choice' ? { maxChoices: Math.min(maxChoices, list.length) } : {}),
    }).then((r) => {
      if (r?.type !== 'ok') return;
      setQuestion('');
      setOptions('');
    });
  };
  return (
    <form className="pl-create" onSubmit={create} data-testid="pl-create">
      <h3>{t('create.heading')}</h3>
      <label htmlFor={ids.kind}>{t('create.kind')}</label>
      <select
        id={ids.kind}
        value={kind}
        onChange={(e) => setKind(e.target.value as PollKind)}
        data-testid="pl-create-kind"
      >
        {POLL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.question}>{t('create.question')}</label>
      <input
        id={ids.question}
        value={question}
        maxLength={POLL_LIMITS.question}
        onChange={(e) => setQuestion(e.target.value)}
        data-testid="pl-create-question"
      />
      {needsOptions(kind) ? (
        <>
          <label htmlFor={ids.options}>
            {kind === 'scale' ? t('create.levels') : t('create.options')}
          </label>
          <textarea
            id={ids.options}
            value={options}
            rows={4}
            onChange={(e) => setOptions(e.target.value)}
            placeholder={kind === 'scale' ? t('create.levelsExample') : ''}
            data-testid="pl-create-options"
          />
          <p className="field__help">
            {t('create.optionsHelp', { min: POLL_LIMITS.minOptions, max: POLL_LIMITS.options })}
          </p>
        </>
      ) : null}
      {kind === 'choice' ? (
        <>
          <label htmlFor={ids.max}>{t('create.maxChoices')}</label>
          <input
            id={ids.max}
            type="number"
            min={1}
            max={POLL_LIMITS.options}
            value={maxChoices}
            onChange={(e) => setMaxChoices(Math.max(1, Number(e.target.value) || 1))}
            data-testid="pl-create-max"
          />
        </>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        disabled={!valid}
        data-testid="pl-create-submit"
      >
        {t('create.submit')}
      </button>
    </form>
  );
}

function PollAdmin({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const shown = useShownPoll() === poll.id;
  const [confirming, setConfirming] = useState(false);
  return (
    <li
      className="pl-admin panel"
      data-testid="pl-admin"
      data-poll={poll.id}
      data-state={poll.state}
    >
      <p className="pl-poll__kind">
        {t(`kinds.${poll.kind}`)} · {t(`states.${poll.state}`)}
      </p>
      <h4 className="pl-poll__question">{poll.question}</h4>
      <div className="pl-admin__actions">
        {poll.state !== 'open' ? (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => void command({ type: 'poll-state', pollId: poll.id, state: 'open' })}
            data-testid="pl-open"
          >
            {poll.state === 'draft' ? t('open') : t('reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => void command({ type: 'poll-state', pollId: poll.id, state: 'closed' })}
            data-testid="pl-close"
          >
            {t('close')}
          </button>
        )}
        <button
          type="button"
          className={`button button--small${shown ? ' is-on' : ''}`}
          aria-pressed={shown}
          onClick={() => void command({ type: 'poll-show', pollId: shown ? null : poll.id })}
          data-testid="pl-show"
        >
          {shown ? t('hide') : t('show')}
        </button>
        {confirming ? (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void command({ type: 'poll-delete', pollId: poll.id })}
            data-testid="pl-delete-confirm"
          >
            {t('deleteConfirm')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setConfirming(true)}
            data-testid="pl-delete"
          >
            {t('delete')}
          </button>
        )}
      </div>
      {poll.state !== 'draft' ? <PollResults poll={poll} /> : null}
    </li>
  );
}

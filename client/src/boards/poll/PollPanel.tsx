import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '@twinspace/shared/boards/poll/layout';
import type { Poll } from '@twinspace/shared/boards/poll/read';
import type { CommandResult } from '@twinspace/shared/protocol';
import { useSession } from '../../app/sessionContext.ts';
import { pollActions, useMyAnswer, usePolls } from '../../state/pollStore.ts';
import { useRole } from '../../state/sessionStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { startPollBinding } from './binding.ts';
import { PollResults } from './PollResults.tsx';
import './polls.css';

startPollBinding();

/** Keeps the answers an ack carries (poll-mine, poll-answer). */
function keepMine(result: CommandResult | 'timeout' | null): void {
  if (result && result !== 'timeout' && result.data?.type === 'poll-mine')
    pollActions().setMine(result.data.answers);
}

/**
 * Polls on a phone: each open poll with its answer form, then its results, live; closed
 * polls with their results. Drafts stay with the facilitator until opened.
 */
export function PollPanel() {
  const { t } = useTranslation('polls');
  const session = useSession();
  const polls = usePolls().filter((p) => p.state !== 'draft');
  const role = useRole();
  useEffect(() => {
    if (role !== 'projector') void session.command({ type: 'poll-mine' }).then(keepMine);
  }, [session, role]);
  if (polls.length === 0) return null;
  const open = polls.filter((p) => p.state === 'open');
  const closed = polls.filter((p) => p.state === 'closed').reverse();
  return (
    <section className="pl-panel" aria-label={t('title')} data-testid="pl-panel">
      {open.map((poll) => (
        <PollCard key={poll.id} poll={poll} />
      ))}
      {closed.length > 0 ? (
        <details className="pl-closed">
          <summary>{t('closedPolls', { count: closed.length })}</summary>
          {closed.map((poll) => (
            <PollCard key={poll.id} poll={poll} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function PollCard({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const role = useRole();
  const mine = useMyAnswer(poll.id);
  const headingId = useId();
  return (
    <article
      className="pl-poll panel"
      aria-labelledby={headingId}
      data-testid="pl-poll"
      data-poll={poll.id}
      data-state={poll.state}
    >
      <p className="pl-poll__kind">
        {t(`kinds.${poll.kind}`)} · {t(`states.${poll.state}`)}
      </p>
      <h3 id={headingId} className="pl-poll__question">
        {poll.question}
      </h3>
      {poll.state === 'open' && role !== 'projector' ? <AnswerForm poll={poll} /> : null}
      {mine ? (
        <p className="pl-mine" data-testid="pl-mine">
          {t('answered')}
        </p>
      ) : null}
      <PollResults poll={poll} />
    </article>
  );
}

function AnswerForm({ poll }: { poll: Poll }) {
  return poll.kind === 'choice' || poll.kind === 'scale' ? (
    <ChoiceForm poll={poll} />
  ) : (
    <TextForm poll={poll} />
  );
}

function ChoiceForm({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const mine = useMyAnswer(poll.id);
  const [picked, setPicked] = useState<number[] | null>(null);
  const [sending, setSending] = useState(false);
  const chosen = picked ?? mine?.choices ?? [];
  const single = poll.kind === 'scale' || poll.maxChoices === 1;
  const toggle = (i: number): void => {
    if (single) return setPicked([i]);
    setPicked(chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i]);
  };
  const send = (event: FormEvent): void => {
    event.preventDefault();
    setSending(true);
    // Offline, the answer waits in the outbox (counted in the header) and this says so.
    void command({ type: 'poll-answer', pollId: poll.id, choices: chosen })
      .then((r) => {
        keepMine(r);
        if (r?.type === 'ok') setPicked(null);
      })
      .finally(() => setSending(false));
  };
  const over = chosen.length > (single ? 1 : poll.maxChoices);
  return (
    <form className="pl-form" onSubmit={send} data-testid="pl-form">
      <fieldset className={`pl-options${poll.kind === 'scale' ? ' pl-options--scale' : ''}`}>
        <legend className="field__help">
          {single ? t('chooseOne') : t('chooseUpTo', { count: poll.maxChoices })}
        </legend>
        {poll.options.map((option, i) => (
          <label key={i} className={`pl-option${chosen.includes(i) ? ' is-on' : ''}`}>
            <input
              type={single ? 'radio' : 'checkbox'}
              name={`poll-${poll.id}`}
              checked={chosen.includes(i)}
              onChange={() => toggle(i)}
              data-testid="pl-option"
            />
            <span>{poll.kind === 'scale' ? `${i + 1}. ${option}` : option}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button button--primary"
        disabled={chosen.length === 0 || over || picked === null || sending}
        data-testid="pl-submit"
      >
        {sending ? t('sending') : mine ? t('change') : t('send')}
      </button>
    </form>
  );
}

function TextForm({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const mine = useMyAnswer(poll.id);
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const value = text ?? mine?.text ?? '';
  const max = poll.kind === 'words' ? POLL_LIMITS.word : POLL_LIMITS.open;
  const send = (event: FormEvent): void => {
    event.preventDefault();
    setSending(true);
    void command({ type: 'poll-answer', pollId: poll.id, text: value })
      .then((r) => {
        keepMine(r);
        if (r?.type === 'ok') setText(null);
      })
      .finally(() => setSending(false));
  };
  return (
    <form className="pl-form" onSubmit={send} data-testid="pl-form">
      <label htmlFor={id}>{poll.kind === 'words' ? t('wordLabel') : t('openLabel')}</label>
      {poll.kind === 'words' ? (
        <input
          id={id}
          value={value}
          maxLength={max}
          onChange={(e) => setText(e.target.value)}
          data-testid="pl-text-input"
        />
      ) : (
        <textarea
          id={id}
          value={value}
          maxLength={max}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          data-testid="pl-text-input"
        />
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={!value.trim() || text === null || sending}
        data-testid="pl-submit"
      >
        {sending ? t('sending') : mine ? t('change') : t('send')}
      </button>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { votesVisible, type Topic } from '@twinspace/shared/boards/open-space/read';
import type { MyBallot } from '@twinspace/shared/boards/open-space/notices';
import { useMyBallot, useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { useConnectionState, useOutboxWaiting } from '../../state/connectionStore.ts';
import { keepMyBallot, useCommand, usePhaseName } from './hooks.ts';
import { newVoteId } from '@twinspace/shared/boards/open-space/write';
import type { Command } from '@twinspace/shared/protocol';

/**
 * The ballot with the dots still waiting to be sent (the outbox: tapped offline, or not yet
 * answered) counted as spent, so that a phone offline cannot queue more dots than its
 * budget, which the server would refuse on reconnect with a toast nobody may see.
 */
export function withWaitingDots(ballot: MyBallot, waiting: readonly Command[]): MyBallot {
  const adds = waiting.filter((c) => c.type === 'os-vote' && c.delta === 1).length;
  if (adds === 0) return ballot;
  const used = Math.min(ballot.budget, ballot.used + adds);
  return { ...ballot, used, remaining: Math.max(0, ballot.budget - used) };
}

/** This voter's ballot: from the server's last answer, else from the published ballots. */
export function useBallot(): MyBallot {
  const mine = useMyBallot();
  const settings = useOs('settings');
  const ballots = useOs('ballots');
  const me = useParticipantId();
  const waiting = useOutboxWaiting();
  if (mine) return withWaitingDots(mine, waiting);
  const dots = (me && ballots.get(me)) || {};
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const budget = settings.voteBudget;
  const ballot = { dots, used, budget, remaining: Math.max(0, budget - used) };
  return withWaitingDots({ ...ballot, multiDot: settings.multiDot }, waiting);
}

/** "3 of 5 dots left": always in view while voting. */
export function BallotSummary() {
  const { t } = useTranslation('openSpace');
  const ballot = useBallot();
  const settings = useOs('settings');
  return (
    <div className="os-ballot" data-testid="ballot" aria-live="polite">
      <p className="os-ballot__left" data-testid="dots-left">
        {t('vote.left', { count: ballot.remaining, budget: ballot.budget })}
      </p>
      <p className="os-ballot__dots" aria-hidden="true">
        {'●'.repeat(ballot.used)}
        {'○'.repeat(ballot.remaining)}
      </p>
      <p className="os-help">
        {ballot.multiDot ? t('vote.multi') : t('vote.single')}{' '}
        {votesVisible(settings) ? null : t('vote.hidden')}
      </p>
    </div>
  );
}

/** Add or take back a dot on one topic; the server checks budget and multi-dot. */
export function DotControls({ topic }: { topic: Topic }) {
  const { t } = useTranslation('openSpace');
  const ballot = useBallot();
  const phase = usePhaseName();
  const settings = useOs('settings');
  const command = useCommand();
  const [busy, setBusy] = useState(false);
  // A dot tapped offline waits in the outbox until the server answers: say so on the card,
  // also after a reload (the outbox keeps it; this screen's `busy` is gone).
  const connection = useConnectionState();
  const queued = useOutboxWaiting().some((c) => c.type === 'os-vote' && c.topicId === topic.id);
  const waiting = (busy || queued) && connection !== 'online';
  const mine = ballot.dots[topic.id] ?? 0;
  const open = phase === 'voting';
  const vote = async (delta: 1 | -1): Promise<void> => {
    setBusy(true);
    keepMyBallot(await command({ type: 'os-vote', voteId: newVoteId(), topicId: topic.id, delta }));
    setBusy(false);
  };
  const canAdd =
    open && !busy && !queued && ballot.remaining > 0 && (ballot.multiDot || mine === 0);
  return (
    <div className="os-dots" data-testid="dot-controls">
      <p className="os-dots__mine" data-testid="my-dots">
        <span aria-hidden="true">{'●'.repeat(mine)} </span>
        {t('vote.mine', { count: mine })}
        {votesVisible(settings) && topic.votes !== null ? (
          <span className="os-dots__total"> · {t('vote.total', { count: topic.votes })}</span>
        ) : null}
        {waiting && (
          <span className="os-dots__pending" data-testid="vote-pending">
            {' · '}
            {t('vote.pending')}
          </span>
        )}
      </p>
      {open ? (
        <div className="os-dots__buttons">
          <button
            type="button"
            className="button button--small"
            disabled={busy || queued || mine === 0}
            onClick={() => void vote(-1)}
            aria-label={t('vote.remove', { title: topic.title })}
            data-testid="vote-remove"
          >
            −
          </button>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={!canAdd}
            onClick={() => void vote(1)}
            aria-label={t('vote.add', { title: topic.title })}
            data-testid="vote-add"
          >
            +
          </button>
        </div>
      ) : null}
    </div>
  );
}

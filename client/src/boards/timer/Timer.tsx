import { useTranslation } from 'react-i18next';
import { formatRemaining, remainingMs } from '@twinspace/shared/boards/timer/timer';
import { useAnnounceTimerEnd } from '../../components/Announcer.tsx';
import { useTimer } from '../../state/timerStore.ts';
import { usePhase } from '../../state/boardStore.ts';
import { useServerNow } from '../common/useServerNow.ts';
import { startTimerBinding } from './binding.ts';
import './timer.css';

startTimerBinding();

/**
 * The facilitator's timer, on every screen alike: the document holds the end in server
 * time, and this screen adds its measured clock offset, not its own idea of the time.
 * `name` is what the board calls a timer without a label (Match & Sprint: the sprint timer).
 */
export function TimerDisplay({ large = false, name }: { large?: boolean; name?: string }) {
  const { t } = useTranslation('board');
  const timer = useTimer();
  const now = useServerNow(250);
  // A closed board has no session left to time: a sprint timer left running counted down on
  // the wall and every phone after the close.
  const closed = usePhase() === 'closed';
  if (closed || (!timer.running && timer.remainingMs === null)) return null;
  const left = remainingMs(timer, now);
  const classes = ['timer'];
  if (large) classes.push('timer--large');
  if (left === 0) classes.push('is-over');
  return (
    <div
      className={classes.join(' ')}
      role="timer"
      aria-label={t('timer.label')}
      data-testid="timer"
    >
      <span className="timer__label">{timer.label || name || t('timer.label')}</span>
      <span className="timer__time" data-testid="timer-time">
        {formatRemaining(left)}
      </span>
      {!timer.running ? <span className="timer__state">{t('timer.paused')}</span> : null}
    </div>
  );
}

/** Announces "time is up" to screen readers once per run (the kinds' announcers call it). */
export function useAnnounceTimer(): void {
  const { t } = useTranslation('common');
  const timer = useTimer();
  const now = useServerNow(500);
  const text = timer.label
    ? t('announce.timerEndedFor', { label: timer.label })
    : t('announce.timerEnded');
  useAnnounceTimerEnd(remainingMs(timer, now), timer.running, text);
}

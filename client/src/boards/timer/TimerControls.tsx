import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMER_MAX_MS } from '@twinspace/shared/boards/timer/layout';
import { timerSeen } from '@twinspace/shared/boards/timer/timer';
import { useTimer } from '../../state/timerStore.ts';
import { useOutboxWaiting } from '../../state/connectionStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { TimerDisplay } from './Timer.tsx';

// Apart from Timer.tsx: only the facilitator's console downloads the controls.
/**
 * Start (minutes, label), pause, resume, reset: each a `timer` command. `display`: show the
 * timer above the controls (off where the board shows it already, as Match & Sprint does).
 */
export function TimerControls({
  minutes: initial = 45,
  display = true,
}: {
  minutes?: number;
  display?: boolean;
}) {
  const { t } = useTranslation('board');
  const timer = useTimer();
  const command = useCommand();
  const id = useId();
  const [minutes, setMinutes] = useState(String(initial));
  const [label, setLabel] = useState('');
  // A press made offline waits in the outbox: the console says so until it is sent.
  const waiting = useOutboxWaiting().some((c) => c.type === 'timer');
  const durationMs = Math.round(Number(minutes) * 60_000);
  // Each press names the timer it acted on: one that waited offline is refused if the
  // timer changed meanwhile (another facilitator), with a toast, not applied over it.
  const seen = timerSeen(timer);
  const start = (): void => {
    if (!(durationMs >= 1000)) return;
    const named = label.trim() ? { label: label.trim() } : {};
    void command({ type: 'timer', action: 'start', durationMs, seen, ...named });
  };
  const act = (action: 'pause' | 'resume' | 'reset') => () =>
    void command({ type: 'timer', action, seen });
  return (
    <div className="timer-controls">
      {display ? <TimerDisplay /> : null}
      <div className="timer-controls__fields">
        <div className="field">
          <label htmlFor={`${id}-m`}>{t('timer.minutes')}</label>
          <input
            id={`${id}-m`}
            type="number"
            min={1}
            max={TIMER_MAX_MS / 60_000}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="timer-minutes"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-l`}>{t('timer.labelField')}</label>
          <input
            id={`${id}-l`}
            value={label}
            maxLength={80}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!(durationMs >= 1000)}
          onClick={start}
          data-testid="timer-start"
        >
          {t('timer.start')}
        </button>
        {timer.running ? (
          <button type="button" className="button" onClick={act('pause')}>
            {t('timer.pause')}
          </button>
        ) : timer.remainingMs ? (
          <button type="button" className="button" onClick={act('resume')}>
            {t('timer.resume')}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={act('reset')}>
          {t('timer.reset')}
        </button>
      </div>
      {waiting ? (
        <p className="timer-controls__waiting" role="status" data-testid="timer-waiting">
          {t('timer.waiting')}
        </p>
      ) : null}
    </div>
  );
}

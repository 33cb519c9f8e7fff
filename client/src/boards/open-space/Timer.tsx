import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRemaining, remainingMs } from '@twinspace/shared/boards/open-space/timer';
import { useOs } from '../../state/openSpaceStore.ts';
import { useCommand, useServerNow } from './hooks.ts';

/**
 * The facilitator's timer, on every screen alike: the document holds the end in server
 * time, and this screen adds its measured clock offset, not its own idea of the time.
 */
export function TimerDisplay({ large = false }: { large?: boolean }) {
  const { t } = useTranslation('openSpace');
  const timer = useOs('timer');
  const now = useServerNow(250);
  if (!timer.running && timer.remainingMs === null) return null;
  const left = remainingMs(timer, now);
  const classes = ['os-timer'];
  if (large) classes.push('os-timer--large');
  if (left === 0) classes.push('is-over');
  return (
    <div
      className={classes.join(' ')}
      role="timer"
      aria-label={t('timer.aria')}
      data-testid="os-timer"
    >
      <span className="os-timer__label">{timer.label || t('timer.label')}</span>
      <span className="os-timer__time" data-testid="os-timer-time">
        {formatRemaining(left)}
      </span>
      {!timer.running ? <span className="os-timer__state">{t('timer.paused')}</span> : null}
    </div>
  );
}

/** Start (minutes, label), pause, resume, reset: each an os-timer command. */
export function TimerControls() {
  const { t } = useTranslation('openSpace');
  const timer = useOs('timer');
  const command = useCommand();
  const id = useId();
  const [minutes, setMinutes] = useState('45');
  const [label, setLabel] = useState('');
  const start = (): void => {
    const durationMs = Math.round(Number(minutes) * 60_000);
    if (!(durationMs >= 1000)) return;
    void command({
      type: 'os-timer',
      action: 'start',
      durationMs,
      ...(label.trim() ? { label: label.trim() } : {}),
    });
  };
  return (
    <div className="os-timer-controls">
      <TimerDisplay />
      <div className="os-form__pair">
        <div className="field">
          <label htmlFor={`${id}-m`}>{t('timer.minutes')}</label>
          <input
            id={`${id}-m`}
            type="number"
            min={1}
            max={1440}
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
          onClick={start}
          data-testid="timer-start"
        >
          {t('timer.start')}
        </button>
        {timer.running ? (
          <button
            type="button"
            className="button"
            onClick={() => void command({ type: 'os-timer', action: 'pause' })}
          >
            {t('timer.pause')}
          </button>
        ) : timer.remainingMs ? (
          <button
            type="button"
            className="button"
            onClick={() => void command({ type: 'os-timer', action: 'resume' })}
          >
            {t('timer.resume')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void command({ type: 'os-timer', action: 'reset' })}
        >
          {t('timer.reset')}
        </button>
      </div>
    </div>
  );
}

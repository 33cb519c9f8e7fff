import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remaining } from '@twinspace/shared/boards/match-sprint/timer';
import { serverNow } from '../../state/connectionStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';

const format = (ms: number): string => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The shared sprint timer: end time in server time, shown with this screen's clock offset. */
export function Timer({ large = false }: { large?: boolean }) {
  const { t } = useTranslation('matchSprint');
  const timer = useMs('timer');
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (!timer.running) return;
    const tick = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(tick);
  }, [timer.running]);
  if (!timer.running && timer.remainingMs === null) return null;
  const left = remaining(timer, timer.running ? now : 0);
  return (
    <div
      className={`ms-timer${large ? ' ms-timer--large' : ''}${left === 0 ? ' is-over' : ''}`}
      role="timer"
      data-testid="ms-timer"
    >
      <span className="ms-timer__label">{timer.label || t('timer.label')}</span>
      <span className="ms-timer__time">{format(left)}</span>
      {!timer.running ? <span className="ms-timer__state">{t('timer.paused')}</span> : null}
    </div>
  );
}

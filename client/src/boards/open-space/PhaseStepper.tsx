import { useTranslation } from 'react-i18next';
import { OPEN_SPACE_PHASES } from '@twinspace/shared/boards/open-space/phases';
import { phaseLabel } from '../../i18n/dataLabels.ts';
import { useCommand, usePhaseName } from './hooks.ts';

/** The day's phases as steps: the current one marked, back and next one click away. */
export function PhaseStepper() {
  const { t } = useTranslation('openSpace');
  const phase = usePhaseName();
  const command = useCommand();
  const index = OPEN_SPACE_PHASES.indexOf(phase as (typeof OPEN_SPACE_PHASES)[number]);
  const go = (to: string | undefined): void => {
    // From the phase shown: refused if the board moved on before a change made offline is sent.
    if (to) void command({ type: 'set-phase', phase: to, ...(phase ? { from: phase } : {}) });
  };
  return (
    <nav className="os-stepper" aria-label={t('stepper.label')}>
      <ol className="os-stepper__steps">
        {OPEN_SPACE_PHASES.map((p, i) => (
          <li key={p} className={i === index ? 'is-current' : i < index ? 'is-done' : ''}>
            <button
              type="button"
              className="os-stepper__step"
              aria-current={i === index ? 'step' : undefined}
              onClick={() => go(p)}
              data-testid={`step-${p}`}
            >
              {phaseLabel('open-space', p)}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          disabled={index <= 0}
          onClick={() => go(OPEN_SPACE_PHASES[index - 1])}
        >
          {t('stepper.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={index >= OPEN_SPACE_PHASES.length - 1}
          onClick={() => go(OPEN_SPACE_PHASES[index + 1])}
          data-testid="phase-next"
        >
          {index >= 0 && index < OPEN_SPACE_PHASES.length - 1
            ? t('stepper.next', {
                phase: phaseLabel('open-space', OPEN_SPACE_PHASES[index + 1] ?? ''),
              })
            : t('stepper.done')}
        </button>
      </div>
    </nav>
  );
}

import { facilitatorPart, type PartRule } from '../../rules/model.ts';
import { TIMER_ROOT } from './layout.ts';

/**
 * The rules of the timer part: the facilitator writes it, through the `timer` command.
 */
export const timerParts: Record<string, PartRule> = {
  [TIMER_ROOT]: facilitatorPart('record', {
    /** Server-clock ms when it ends (running), so every screen counts down alike. */
    endsAt: { type: 'number' },
    /** Remaining ms while paused. */
    remainingMs: { type: 'number' },
    running: { type: 'boolean' },
    label: { type: 'string', max: 80 },
  }),
};

import type { CommandRule } from '../../rules/model.ts';
import type { TimerCommandType } from './commands.ts';

// Apart from the zod schema (commands.ts) so that a client reading them ships no schema code.
/** Only the facilitator runs the timer, in any phase (SPEC R9, `checkCommand`). */
export const timerCommandRules = {
  /** A table host times the session or sprint of their table (docs/team.md). */
  timer: { who: 'facilitator', team: ['table-host'] },
} as const satisfies Record<TimerCommandType, CommandRule>;

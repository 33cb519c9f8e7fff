import type { CommandRule } from '../../rules/model.ts';
import type { OpenSpaceCommandType } from './commands.ts';
import { OS_ROOT } from './layout.ts';

// The rules are apart from the zod schemas (commands.ts) so that a client reading them for
// its controls ships no schema code.
/**
 * Who may send each Open Space command, and when (SPEC R9), checked by `checkCommand`
 * before the server decides. The facilitator is never limited by phases.
 */
export const openSpaceCommandRules = {
  /** A convener places their own topic in the marketplace; the facilitator any, any time. */
  'os-place': {
    who: 'owner',
    phases: ['marketplace'],
    entity: { part: OS_ROOT.topics, idField: 'topicId' },
  },
  /** No entity: a dot may be taken back from a topic deleted since. */
  'os-vote': { who: 'participant', phases: ['voting'] },
  'os-my-ballot': { who: 'participant' },
  'os-reveal-votes': { who: 'facilitator' },
  /** A table host runs the timer of the session they host (the board has one timer). */
  'os-timer': { who: 'facilitator', team: ['table-host'] },
  'os-preview-schedule': { who: 'facilitator' },
  'os-apply-schedule': { who: 'facilitator' },
} as const satisfies Record<OpenSpaceCommandType, CommandRule>;

import type { CommandRule } from '../../rules/model.ts';
import type { PollCommandType } from './commands.ts';
import { POLL_ROOT } from './layout.ts';

const poll = { part: POLL_ROOT.polls, idField: 'pollId' } as const;

// Apart from the zod schemas so that a client reading them ships no schema code.
/**
 * The facilitator creates, opens, closes, deletes and shows polls; any participant answers
 * a poll that exists, in any phase (SPEC R9, R26). A projector sends none (R1).
 */
export const pollCommandRules = {
  'poll-create': { who: 'facilitator' },
  'poll-state': { who: 'facilitator', entity: poll },
  'poll-delete': { who: 'facilitator', entity: poll },
  'poll-show': { who: 'facilitator' },
  'poll-answer': { who: 'participant', entity: poll },
  'poll-mine': { who: 'participant' },
} as const satisfies Record<PollCommandType, CommandRule>;

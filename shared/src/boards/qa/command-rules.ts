import type { CommandRule } from '../../rules/model.ts';
import type { QaCommandType } from './commands.ts';
import { QA_ROOT } from './layout.ts';

// Apart from the zod schemas so that a client reading them ships no schema code.
/**
 * Participants ask, upvote approved questions and withdraw their own (the author is sealed,
 * so the handler checks it); the facilitator moderates and drives the wall (SPEC R9, R27).
 */
export const qaCommandRules = {
  'qa-ask': { who: 'participant' },
  'qa-vote': { who: 'participant', entity: { part: QA_ROOT.questions, idField: 'questionId' } },
  'qa-moderate': { who: 'facilitator', entity: { part: QA_ROOT.sealed, idField: 'questionId' } },
  'qa-withdraw': { who: 'participant', entity: { part: QA_ROOT.sealed, idField: 'questionId' } },
  'qa-settings': { who: 'facilitator' },
  'qa-private': { who: 'participant' },
} as const satisfies Record<QaCommandType, CommandRule>;

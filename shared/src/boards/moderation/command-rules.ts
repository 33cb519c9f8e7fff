import type { CommandRule } from '../../rules/model.ts';
import type { ModerationCommandType } from './commands.ts';

// Apart from the zod schemas so that a client reading them ships no schema code.
/**
 * Moderation is the facilitator's (SPEC R22-R25): every command but `mod-submit`, which any
 * participant sends to put a new entity in the approval queue.
 */
export const moderationCommandRules = {
  'mod-hide': { who: 'facilitator' },
  'mod-remove': { who: 'facilitator' },
  'mod-restore': { who: 'facilitator' },
  'mod-remove-person': { who: 'facilitator' },
  'mod-settings': { who: 'facilitator' },
  'mod-submit': { who: 'participant' },
  'mod-approve': { who: 'facilitator' },
  'mod-decline': { who: 'facilitator' },
  'mod-list': { who: 'facilitator' },
} as const satisfies Record<ModerationCommandType, CommandRule>;

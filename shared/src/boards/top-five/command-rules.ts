import type { CommandRule } from '../../rules/model.ts';
import type { TopFiveCommandType } from './commands.ts';
import { TF_ROOT } from './layout.ts';

// The rules are apart from the zod schemas (commands.ts) so that a client reading them for
// its controls ships no schema code.
/** Any participant picks, in any phase, points that exist (SPEC R9, `checkCommand`). */
export const topFiveCommandRules = {
  'tf-vote': { who: 'participant', entity: { part: TF_ROOT.points, idField: 'pointId' } },
} as const satisfies Record<TopFiveCommandType, CommandRule>;

import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';
import type { CommandRule } from '../../rules/model.ts';
import { TF_ROOT } from './layout.ts';

/**
 * Top five commands, on every board kind. A pick is a set membership (on/off), so a
 * replayed or repeated command changes nothing: no nonce is needed.
 */
export const topFiveCommands = [
  z.object({
    type: z.literal('tf-vote'),
    pointId: z.string().regex(ENTITY_ID_RE, 'not an id'),
    on: z.boolean(),
  }),
] as const;

type TopFiveCommandType = z.infer<(typeof topFiveCommands)[number]>['type'];

/** Any participant picks, in any phase, points that exist (SPEC R9, `checkCommand`). */
export const topFiveCommandRules = {
  'tf-vote': { who: 'participant', entity: { part: TF_ROOT.points, idField: 'pointId' } },
} as const satisfies Record<TopFiveCommandType, CommandRule>;

import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';

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

export type TopFiveCommandType = z.infer<(typeof topFiveCommands)[number]>['type'];

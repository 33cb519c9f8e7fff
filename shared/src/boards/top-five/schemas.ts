import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';

/**
 * Top five commands as zod schemas, on every board kind, for the server's validation only.
 * A pick is a set membership (on/off), so a replayed or repeated command changes nothing:
 * no nonce is needed.
 */
export const topFiveCommands = [
  z.object({
    type: z.literal('tf-vote'),
    pointId: z.string().regex(ENTITY_ID_RE, 'not an id'),
    on: z.boolean(),
  }),
] as const;

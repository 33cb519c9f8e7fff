import { z } from 'zod';

/**
 * Open Space commands: actions the server must arbitrate (votes against a budget,
 * placements that two people may race for). Each is a zod schema tagged by `type`;
 * protocol.ts folds them into the one client -> server command union.
 */
export const openSpaceCommands = [
  z.object({ type: z.literal('os-noop') }),
] as const;

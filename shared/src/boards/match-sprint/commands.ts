import { z } from 'zod';

/**
 * Match & Sprint commands: actions the server must arbitrate. Each is a zod schema
 * tagged by `type`; protocol.ts folds them into the one command union.
 */
export const matchSprintCommands = [
  z.object({ type: z.literal('ms-noop') }),
] as const;

import type { z } from 'zod';
import type { topFiveCommands } from './schemas.ts';

/** Top five commands: the types both sides use; the zod schemas are in schemas.ts (server). */
export type TopFiveCommand = z.infer<(typeof topFiveCommands)[number]>;
export type TopFiveCommandType = TopFiveCommand['type'];

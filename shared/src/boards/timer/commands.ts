import type { z } from 'zod';
import type { timerCommands } from './schemas.ts';

/** The timer command: the types both sides use; the zod schema is in schemas.ts (server). */
export type TimerCommand = z.infer<(typeof timerCommands)[number]>;
export type TimerCommandType = TimerCommand['type'];

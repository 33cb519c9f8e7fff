import type { z } from 'zod';
import type { matchSprintCommands } from './schemas.ts';

/**
 * Match & Sprint commands: actions the server must arbitrate. The shapes are the zod
 * schemas in schemas.ts, which only the server imports; this module holds the limits and
 * the types both sides use (type-only imports, erased from the client's build).
 */

/** Longest sprint timer the facilitator may set: a working day. */
export const MS_TIMER_MAX_MS = 8 * 60 * 60_000;

export type MatchSprintCommand = z.infer<(typeof matchSprintCommands)[number]>;
export type MatchSprintCommandType = MatchSprintCommand['type'];

import type { z } from 'zod';
import type { openSpaceCommands, osPlacement } from './schemas.ts';

/**
 * Open Space commands: actions the server must arbitrate (votes against a budget,
 * placements that two people may race for). The shapes are the zod schemas in schemas.ts,
 * which only the server imports; this module holds what both sides use, the limits and the
 * types (type-only imports, erased from the client's build, so it ships no zod).
 */

/** Longest timer the facilitator may start: a whole workshop day. */
export const OS_TIMER_MAX_MS = 24 * 60 * 60_000;
/** Most placements one accepted schedule may carry (well above 80 topics). */
export const OS_MAX_PLACEMENTS = 500;

export type OsPlacement = z.infer<typeof osPlacement>;
export type OpenSpaceCommand = z.infer<(typeof openSpaceCommands)[number]>;
export type OpenSpaceCommandType = OpenSpaceCommand['type'];

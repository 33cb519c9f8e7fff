import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';

/**
 * Open Space commands: actions the server must arbitrate (votes against a budget,
 * placements that two people may race for). Each is a zod schema tagged by `type`;
 * protocol.ts folds them into the one client -> server command union. No command carries
 * a participant id: the server takes it from the sender's session, so it cannot be forged.
 * Settings, slots and spaces are plain facilitator document edits, not commands.
 */
const id = z.string().regex(ENTITY_ID_RE, 'not an id');

/** Longest timer the facilitator may start: a whole workshop day. */
export const OS_TIMER_MAX_MS = 24 * 60 * 60_000;
/** Most placements one accepted schedule may carry (well above 80 topics). */
export const OS_MAX_PLACEMENTS = 500;

export const osPlacement = z.object({ topicId: id, slotId: id, spaceId: id });
export type OsPlacement = z.infer<typeof osPlacement>;

export const osPlace = z
  .object({
    type: z.literal('os-place'),
    topicId: id,
    /** Both null: take the topic off the grid. */
    slotId: id.nullable(),
    spaceId: id.nullable(),
  })
  .refine(
    (c) => (c.slotId === null) === (c.spaceId === null),
    'slotId and spaceId are both set or both null',
  );

export const osVote = z.object({
  type: z.literal('os-vote'),
  /** Client-made nonce, new for every vote: the same voteId twice is refused as 'duplicate'. */
  voteId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'voteId must be 8-64 id characters'),
  topicId: id,
  delta: z.union([z.literal(1), z.literal(-1)]),
});

export const osTimer = z.object({
  type: z.literal('os-timer'),
  action: z.enum(['start', 'pause', 'resume', 'reset']),
  /** Required for start. */
  durationMs: z.number().int().min(1000).max(OS_TIMER_MAX_MS).optional(),
  label: z.string().trim().max(80).optional(),
});

export const openSpaceCommands = [
  osPlace,
  osVote,
  /** Returns the sender's own ballot in the ack (after a reconnect, while votes are hidden). */
  z.object({ type: z.literal('os-my-ballot') }),
  /** Facilitator: publishes every ballot and the tallies, and marks votes revealed. */
  z.object({ type: z.literal('os-reveal-votes') }),
  osTimer,
  /** Facilitator: returns conflicts, the auto-schedule proposal and both qualities in the ack. */
  z.object({ type: z.literal('os-preview-schedule') }),
  /** Facilitator: accepts a (possibly edited) proposal; all of it applies or none. */
  z.object({
    type: z.literal('os-apply-schedule'),
    placements: z.array(osPlacement).max(OS_MAX_PLACEMENTS),
  }),
] as const;

export type OpenSpaceCommandType = z.infer<(typeof openSpaceCommands)[number]>['type'];

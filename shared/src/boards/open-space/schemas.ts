import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';
import { OS_MAX_PLACEMENTS, OS_TIMER_MAX_MS } from './commands.ts';

/**
 * Open Space commands as zod schemas, for the server's validation only (the client imports
 * the types in commands.ts, which ship no zod). Each is tagged by `type`; ../../schemas.ts
 * folds them into the one client -> server command union. No command carries a participant
 * id: the server takes it from the sender's session, so it cannot be forged. Settings,
 * slots and spaces are plain facilitator document edits, not commands.
 */
const id = z.string().regex(ENTITY_ID_RE, 'not an id');

export const osPlacement = z.object({ topicId: id, slotId: id, spaceId: id });

const osPlace = z
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

const osVote = z.object({
  type: z.literal('os-vote'),
  /** Client-made nonce, new for every vote: the same voteId twice is refused as 'duplicate'. */
  voteId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'voteId must be 8-64 id characters'),
  topicId: id,
  delta: z.union([z.literal(1), z.literal(-1)]),
});

const osTimer = z.object({
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

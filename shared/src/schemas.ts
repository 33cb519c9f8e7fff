/**
 * The zod schemas of every client -> server message: the server validates each one at
 * runtime with these. Only the server imports this module (and the boards' schemas.ts);
 * the client imports the types derived from them in protocol.ts, which erase from its
 * build, so it ships no zod (an ESLint rule keeps client/ from importing this, and
 * client/scripts/bundle-size.mjs fails a build that carries zod's code).
 */
import { z } from 'zod';
import { BOARD_KINDS } from './boards/common.ts';
import { LINK_ROLES, ROLES } from './rules/model.ts';
import { openSpaceCommands } from './boards/open-space/schemas.ts';
import { matchSprintCommands } from './boards/match-sprint/schemas.ts';
import { topFiveCommands } from './boards/top-five/schemas.ts';
import { timerCommands } from './boards/timer/schemas.ts';
import { moderationCommands } from './boards/moderation/schemas.ts';
import { pollCommands } from './boards/poll/schemas.ts';
import { qaCommands } from './boards/qa/schemas.ts';

// ---------------------------------------------------------------- HTTP API

export const createBoardRequest = z.object({
  kind: z.enum(BOARD_KINDS),
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is too long'),
  /** The event the board joins (with the event's token as Bearer: docs/events.md). */
  event: z.string().min(1).max(20).optional(),
});

// ---------------------------------------------------------------- Socket.IO

const displayName = z.string().trim().min(1, 'name must not be empty').max(60, 'name is too long');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'not a language tag');

export const joinRequest = z.object({
  type: z.literal('join'),
  protocolVersion: z.number().int(),
  code: z.string().min(1).max(20),
  role: z.enum(ROLES),
  name: displayName.optional(),
  city: z.string().trim().min(1).max(80).optional(),
  language: language.optional(),
  facilitatorToken: z.string().min(16).max(200).optional(),
  /** Rejoining as the same participant (same device): both ids came from an earlier join. */
  participantId: z.string().min(6).max(64).optional(),
  participantSecret: z.string().min(16).max(200).optional(),
  /**
   * Send the board's document with the answer (a first join): the screen paints from it
   * at once instead of a round trip later over the Yjs socket, which then syncs only
   * what changed since (SPEC R14).
   */
  withState: z.boolean().optional(),
  /**
   * The client can inflate the state (DecompressionStream 'deflate-raw'): the server may
   * send it compressed. A 200-topic board is 34 KB as a Yjs update, the longest download of
   * a 3G phone's join (docs/performance.md, "The client's cost").
   */
  stateEncoding: z.literal('deflate-raw').optional(),
});

/** Commands every board kind has. */
export const commonCommands = [
  z.object({
    type: z.literal('set-phase'),
    phase: z.string().min(1).max(40),
    /**
     * The phase the sender's screen showed: a change that waited in an offline console's
     * outbox is refused (`changed`) if the board moved on meanwhile, not taken back.
     */
    from: z.string().min(1).max(40).optional(),
  }),
  z.object({ type: z.literal('rename'), name: displayName }),
  z.object({ type: z.literal('delete-board'), confirm: z.literal(true) }),
  /** A participant deletes their own data (docs/privacy.md; shared/src/privacy/erasure.ts). */
  z.object({
    type: z.literal('erase-my-data'),
    content: z.enum(['keep', 'remove']),
    confirm: z.literal(true),
  }),
] as const;

/** Facilitator and participant commands that are not plain document edits. */
export const command = z.discriminatedUnion('type', [
  ...commonCommands,
  ...openSpaceCommands,
  ...matchSprintCommands,
  ...topFiveCommands,
  ...timerCommands,
  ...moderationCommands,
  ...pollCommands,
  ...qaCommands,
]);

/**
 * A command's idempotency key (optional, beside `type`): a device's outbox sends a command
 * until it gets an answer, possibly to another process after a reconnect; the server runs
 * each (board, participant, key) once and answers repeats with the first result.
 */
export const commandEnvelope = z.object({
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export const presenceUpdate = z.object({
  type: z.literal('presence'),
  /** What the participant is looking at (a part or entity id), for "who is here". */
  focus: z.string().max(80).nullable(),
  typing: z.boolean(),
});

// ---------------------------------------------------------------- facilitation team (docs/team.md)

export const createFacilitatorLinkRequest = z.object({
  name: displayName,
  role: z.enum(LINK_ROLES),
});

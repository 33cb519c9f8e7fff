import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';
import { POLL_KINDS, POLL_LIMITS, POLL_WIRE_TEXT_MAX } from './layout.ts';

const id = z.string().regex(ENTITY_ID_RE, 'not an id');

/**
 * Poll commands as zod schemas, for the server's validation only. Texts may be longer on
 * the wire than a poll takes, so that an answer over the limit is refused with its own
 * reason (`too-long`) by the decision rather than as a malformed request.
 */
export const pollCommands = [
  z.object({
    type: z.literal('poll-create'),
    kind: z.enum(POLL_KINDS),
    question: z.string().trim().min(1).max(POLL_LIMITS.question),
    options: z.array(z.string().trim().min(1).max(POLL_LIMITS.option)).max(POLL_LIMITS.options),
    /** Multiple choice: how many options one person may choose (1 = a single choice). */
    maxChoices: z.number().int().min(1).max(POLL_LIMITS.options).optional(),
  }),
  z.object({ type: z.literal('poll-state'), pollId: id, state: z.enum(['open', 'closed']) }),
  z.object({ type: z.literal('poll-delete'), pollId: id }),
  /** What the projector shows; null: none. */
  z.object({ type: z.literal('poll-show'), pollId: id.nullable() }),
  z.object({
    type: z.literal('poll-answer'),
    pollId: id,
    /** Option indexes (choice, scale). */
    choices: z
      .array(z.number().int())
      .max(POLL_LIMITS.options * 2)
      .optional(),
    /** A word cloud's short answer, or an open answer. */
    text: z.string().max(POLL_WIRE_TEXT_MAX).optional(),
  }),
  /** The sender's own answers (a query: changes nothing). */
  z.object({ type: z.literal('poll-mine') }),
] as const;

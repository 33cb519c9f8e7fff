import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';
import { QA_WIRE_TEXT_MAX } from './layout.ts';

const id = z.string().regex(ENTITY_ID_RE, 'not an id');

/** Q&A commands as zod schemas, for the server's validation only. */
export const qaCommands = [
  z.object({
    type: z.literal('qa-ask'),
    text: z.string().max(QA_WIRE_TEXT_MAX),
    /** The name is not shown to others; the server still knows the author. */
    anonymous: z.boolean(),
  }),
  /** An upvote is set membership: on twice is one upvote, off takes it back. */
  z.object({ type: z.literal('qa-vote'), questionId: id, on: z.boolean() }),
  z.object({
    type: z.literal('qa-moderate'),
    questionId: id,
    action: z.enum(['approve', 'answered', 'unanswered', 'delete']),
  }),
  /** The author takes their own question back. */
  z.object({ type: z.literal('qa-withdraw'), questionId: id }),
  z.object({
    type: z.literal('qa-settings'),
    requireApproval: z.boolean().optional(),
    wall: z.boolean().optional(),
    /** The question the projector puts first; null: none. */
    shown: id.nullable().optional(),
  }),
  /** The questions waiting for approval the sender may see, their own questions and upvotes. */
  z.object({ type: z.literal('qa-private') }),
] as const;

import { z } from 'zod';
import { ENTITY_ID_RE } from '../../ids.ts';

const id = z.string().regex(ENTITY_ID_RE, 'not an id');
/** A part's root name (checked against the board's rules by the handler). */
const part = z.string().min(1).max(40);
/** What a facilitator hides or removes: an entity, or one text field of it (session notes). */
const target = { part, id, field: z.string().min(1).max(40).optional() };
/** A submission's fields: plain values only, checked against the part's rule by the server. */
const fieldValue = z.union([
  z.string().max(20_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(50),
]);

/**
 * Moderation commands as zod schemas, for the server's validation only (docs/moderation.md).
 * Who may send each is in command-rules.ts.
 */
export const moderationCommands = [
  z.object({ type: z.literal('mod-hide'), ...target }),
  z.object({ type: z.literal('mod-remove'), ...target }),
  z.object({ type: z.literal('mod-restore'), key: z.string().min(1).max(200) }),
  z.object({
    type: z.literal('mod-remove-person'),
    participantId: z.string().min(6).max(64),
    content: z.enum(['keep', 'remove']),
  }),
  z.object({
    type: z.literal('mod-settings'),
    anonymous: z.boolean().optional(),
    approval: z.object({ part, on: z.boolean() }).optional(),
  }),
  z.object({
    type: z.literal('mod-submit'),
    part,
    id,
    fields: z.record(z.string().min(1).max(40), fieldValue),
  }),
  z.object({ type: z.literal('mod-approve'), id }),
  z.object({ type: z.literal('mod-decline'), id }),
  /** The facilitator's view: hidden content, the queue's content, everyone's names. */
  z.object({ type: z.literal('mod-list') }),
] as const;

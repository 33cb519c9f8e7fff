import { z } from 'zod';
import { MS_TIMER_MAX_MS } from './commands.ts';

const entityId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not an entity id');

/**
 * Match & Sprint commands as zod schemas, for the server's validation only (the client
 * imports the types in commands.ts). Each is tagged by `type`; ../../schemas.ts folds them
 * into the one command union.
 * - ms-confirm-link / ms-reject-link: the facilitator decides a proposed match; a
 *   confirmed one becomes a joint project (the server creates it).
 * - ms-join-team / ms-leave-team: the server records the member with the city they joined as.
 * - ms-timer: the shared sprint timer, in server time.
 * - ms-rename-project: the project's team (or the facilitator) gives it a real name; the
 *   server checks the sender is in the team (the rule model cannot tell a member apart).
 * - ms-close-sprint: closes the current sprint and carries its open tasks forward. With
 *   `sprint` (the number the sender sees as current) a repeated close is refused as
 *   'duplicate' instead of closing the next sprint too.
 */
export const matchSprintCommands = [
  z.object({
    type: z.literal('ms-confirm-link'),
    linkId: entityId,
    title: z.string().trim().min(1).max(120).optional(),
  }),
  z.object({ type: z.literal('ms-reject-link'), linkId: entityId }),
  z.object({ type: z.literal('ms-join-team'), projectId: entityId }),
  z.object({ type: z.literal('ms-leave-team'), projectId: entityId }),
  z.object({
    type: z.literal('ms-rename-project'),
    projectId: entityId,
    title: z.string().trim().min(1).max(120),
  }),
  z.object({
    type: z.literal('ms-timer'),
    action: z.enum(['start', 'pause', 'resume', 'reset']),
    durationMs: z.number().int().min(1_000).max(MS_TIMER_MAX_MS).optional(),
    label: z.string().trim().max(80).optional(),
  }),
  z.object({
    type: z.literal('ms-close-sprint'),
    sprint: z.number().int().min(1).max(1000).optional(),
  }),
] as const;

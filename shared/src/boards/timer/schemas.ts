import { z } from 'zod';
import { TIMER_MAX_MS } from './layout.ts';

/**
 * The timer feature's one command as a zod schema, for the server's validation only:
 * start (with a duration), pause, resume, reset.
 */
export const timerCommands = [
  z.object({
    type: z.literal('timer'),
    action: z.enum(['start', 'pause', 'resume', 'reset']),
    /** Required for start. */
    durationMs: z.number().int().min(1000).max(TIMER_MAX_MS).optional(),
    label: z.string().trim().max(80).optional(),
    /** The timer as the sender saw it (timerSeen): a stale press is refused as `changed`. */
    seen: z.string().max(64).optional(),
  }),
] as const;

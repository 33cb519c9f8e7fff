import { z } from 'zod';

/**
 * PUT /api/boards/:code/retention: the facilitator's own retention for the board in days
 * (within the deployment's RETENTION_MAX_DAYS, checked by the server), or null to follow
 * the deployment's default. Server only, like every schema.
 */
export const retentionRequest = z.strictObject({
  days: z.union([z.number().int().min(1).max(36_500), z.null()]),
});

/**
 * POST /api/transfers: a facilitator's list of boards, encrypted by the browser (the key
 * stays in the link's fragment), held by the server for one read.
 */
export const transferRequest = z.strictObject({
  bundle: z
    .string()
    .min(16)
    .max(24_000)
    .regex(/^[A-Za-z0-9_-]+$/),
});

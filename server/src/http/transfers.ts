import { randomBytes } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { transferRequest } from '@twinspace/shared/privacy/schemas';
import type { Limits } from '../auth/limits.ts';
import { requestKey } from './address.ts';
import { tooManyAttempts } from './budget.ts';

/** How long a one-time link lasts. */
export const TRANSFER_TTL_MS = 10 * 60_000;
/** Bundles held at once in one process's memory (alone); more wait until some expire. */
const MEMORY_CAP = 1_000;

/** Where bundles wait for their one read: this process's memory, or Redis when scaled out. */
export interface TransferStore {
  put(id: string, bundle: string): Promise<boolean>;
  /** The bundle, at most once: read and deleted in one step. */
  take(id: string): Promise<string | null>;
}

export function memoryTransfers(now: () => number = Date.now): TransferStore {
  const held = new Map<string, { bundle: string; until: number }>();
  const sweep = (): void => {
    for (const [id, entry] of held) if (entry.until <= now()) held.delete(id);
  };
  return {
    async put(id, bundle) {
      sweep();
      if (held.size >= MEMORY_CAP) return false;
      held.set(id, { bundle, until: now() + TRANSFER_TTL_MS });
      return true;
    },
    async take(id) {
      const entry = held.get(id);
      held.delete(id);
      return entry && entry.until > now() ? entry.bundle : null;
    },
  };
}

export function redisTransfers(redis: Redis, prefix: string): TransferStore {
  const key = (id: string): string => `${prefix}transfer:${id}`;
  return {
    async put(id, bundle) {
      return (await redis.set(key(id), bundle, 'PX', TRANSFER_TTL_MS, 'NX')) === 'OK';
    },
    async take(id) {
      const [[, value] = []] = (await redis.multi().get(key(id)).del(key(id)).exec()) ?? [];
      return typeof value === 'string' ? value : null;
    },
  };
}

/**
 * A facilitator's list of boards to another laptop by a one-time link (docs/privacy.md): the
 * browser encrypts the list (AES-GCM) and keeps the key in the link's fragment, which never
 * reaches a server; the server holds the ciphertext for TRANSFER_TTL_MS and hands it out
 * once. POST /api/transfers `{ bundle }` -> 201 `{ id, expiresAt }` (budgeted per address,
 * like creating boards); GET /api/transfers/:id -> 200 `{ bundle }` once, then 404 (a
 * failed read spends the lookup budget).
 */
export function mountTransferRoutes(
  app: Express,
  deps: { limits: Limits; proxyHops: number; transfers: TransferStore },
): void {
  app.post('/api/transfers', async (req: Request, res: Response) => {
    const allowed = await deps.limits.transfer(requestKey(req, deps.proxyHops));
    if (!allowed.ok) return tooManyAttempts(res, allowed.retryAfterS);
    const parsed = transferRequest.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: 'bundle: a string of up to 24000 characters' });
    const id = randomBytes(16).toString('base64url');
    if (!(await deps.transfers.put(id, parsed.data.bundle)))
      return void res.status(503).json({ error: 'too many transfers waiting, try again soon' });
    res.status(201).json({ id, expiresAt: Date.now() + TRANSFER_TTL_MS });
  });
  app.get('/api/transfers/:id', async (req: Request, res: Response) => {
    const key = requestKey(req, deps.proxyHops);
    const verdict = await deps.limits.lookupAllowed(key);
    if (!verdict.ok) return tooManyAttempts(res, verdict.retryAfterS);
    res.setHeader('Cache-Control', 'no-store');
    const id = String(req.params.id);
    const bundle = /^[A-Za-z0-9_-]{22}$/.test(id) ? await deps.transfers.take(id) : null;
    if (bundle === null) {
      await deps.limits.lookupFailed(key);
      return void res.status(404).json({ error: 'this link was used already, or has expired' });
    }
    res.json({ bundle });
  });
}

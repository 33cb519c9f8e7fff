import type { Request, Response } from 'express';
import { normalizeCode } from '@twinspace/shared';
import { facilitatorCredential, managesTeam } from '../auth/facilitators.ts';
import type { Limits } from '../auth/limits.ts';
import type { BoardRecord, Store } from '../store/types.ts';
import { requestKey } from './address.ts';
import { tooManyAttempts } from './budget.ts';

export interface FacilitatorRouteDeps {
  store: Store;
  limits: Limits;
  proxyHops: number;
}

/** `Authorization: Bearer <credential>`, or null. */
export const bearerOf = (req: Request): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;

/**
 * The board of a facilitator-only route, or null once the answer is sent: 429 over the
 * lookup budget; 404 for a code no board has (as GET /api/boards/:code says anyway); 401
 * without a facilitator credential of the board (its own link, a named link, its event's
 * token: auth/facilitators.ts) or with any other credential (another board's token, a
 * participant's ticket); 403 for a note-taker's or table host's link, which do not run the
 * board. Both failures spend the budget.
 */
export async function facilitatorsBoard(
  deps: FacilitatorRouteDeps,
  req: Request,
  res: Response,
): Promise<BoardRecord | null> {
  const key = requestKey(req, deps.proxyHops);
  const verdict = await deps.limits.lookupAllowed(key);
  if (!verdict.ok) {
    tooManyAttempts(res, verdict.retryAfterS);
    return null;
  }
  res.setHeader('Cache-Control', 'no-store');
  const code = normalizeCode(String(req.params.code));
  const board = code ? await deps.store.getBoard(code) : null;
  if (!board) {
    await deps.limits.lookupFailed(key);
    res.status(404).json({ error: 'no board has this code' });
    return null;
  }
  const credential = await facilitatorCredential(deps.store, board, bearerOf(req));
  if (!credential) {
    await deps.limits.lookupFailed(key);
    res.setHeader('WWW-Authenticate', 'Bearer realm="twinspace"');
    res.status(401).json({ error: "this needs the board's facilitator key" });
    return null;
  }
  if (!managesTeam(credential.role)) {
    res.status(403).json({ error: "this needs the board's own link or a co-host's" });
    return null;
  }
  return board;
}

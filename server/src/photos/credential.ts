import type { Request, Response } from 'express';
import { normalizeCode, type Role } from '@twinspace/shared';
import { facilitatorCredential } from '../auth/facilitators.ts';
import type { TicketSigner } from '../auth/tokens.ts';
import { ticketStands, type TicketStandsDeps } from '../auth/ticketStands.ts';
import type { Limits } from '../auth/limits.ts';
import { requestKey } from '../http/address.ts';
import { tooManyAttempts } from '../http/budget.ts';
import type { BoardRecord, Store } from '../store/types.ts';

export interface Credential {
  board: BoardRecord;
  role: Role;
  /** The participant id; `facilitator` for a facilitator known by the token alone. */
  id: string;
}

export interface CredentialDeps extends TicketStandsDeps {
  store: Store;
  tickets: TicketSigner;
  limits: Limits;
  proxyHops: number;
}

const bearerOf = (req: Request): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;

/**
 * The board of `:code` and who is asking, from `Authorization: Bearer` (the facilitator's
 * token or a join ticket for this board), or null once a 401 (or 429) has been sent. A failed
 * credential spends the client's lookup budget, as every lookup by code does, and the 401 is
 * the same whether the code exists or not.
 */
export const credentialOf =
  (deps: CredentialDeps) =>
  async (req: Request, res: Response): Promise<Credential | null> => {
    const key = requestKey(req, deps.proxyHops);
    const verdict = await deps.limits.lookupAllowed(key);
    if (!verdict.ok) {
      tooManyAttempts(res, verdict.retryAfterS);
      return null;
    }
    const code = normalizeCode(String(req.params.code));
    const board = code ? await deps.store.getBoard(code) : null;
    const token = bearerOf(req);
    if (board && token) {
      // Every facilitator credential (a named link, the event's), none retired or revoked.
      if (await facilitatorCredential(deps.store, board, token))
        return { board, role: 'facilitator', id: 'facilitator' };
      const claims = deps.tickets.verify(token);
      if (claims && claims.board === board.code && (await ticketStands(deps, board.code, claims)))
        return { board, role: claims.role, id: claims.participantId };
    }
    await deps.limits.lookupFailed(key);
    res.setHeader('WWW-Authenticate', 'Bearer realm="twinspace"');
    res.status(401).json({
      error: "this needs the facilitator's key or a ticket for this board",
      reason: 'no-credential',
    });
    return null;
  };

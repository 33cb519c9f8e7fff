import {
  normalizeCode,
  PROTOCOL_VERSION,
  TIMING,
  type BoardInfo,
  type JoinError,
  type JoinRequest,
  type JoinResult,
  type Role,
} from '@twinspace/shared';
import { newSecretToken, hashToken, tokenMatches, type TicketSigner } from '../auth/tokens.ts';
import type { RateLimiter } from '../auth/rate-limit.ts';
import { newEntityId } from '@twinspace/shared';
import type { Store } from '../store/types.ts';
import type { RoomRegistry } from './registry.ts';
import { boardInfo } from './board-info.ts';

export interface JoinDeps {
  store: Store;
  registry: RoomRegistry;
  tickets: TicketSigner;
  limiter: RateLimiter;
  /** How long a ticket lasts (TICKET_TTL_MS); TIMING.ticketTtlMs when not given. */
  ticketTtlMs?: number;
}

/** Who a connection is, once joined: kept on the control-plane connection. */
export interface Session {
  code: string;
  role: Role;
  participantId: string;
  name: string;
  city: string | undefined;
}

const refused = (reason: JoinError, message: string): JoinResult => ({
  type: 'join-refused',
  reason,
  message,
});

/**
 * The join handshake (SPEC R8): checks the code, the role's credential and what the
 * board asks for (name, city), records the participant, and issues the ticket the Yjs
 * connection presents. Transport-independent: Socket.IO calls it.
 */
export async function join(
  deps: JoinDeps,
  req: JoinRequest,
  address: string,
): Promise<{ result: JoinResult; session?: Session }> {
  if (req.protocolVersion !== PROTOCOL_VERSION) {
    return {
      result: refused(
        'protocol-version',
        `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`,
      ),
    };
  }
  if (!deps.limiter.allowed(address))
    return { result: refused('rate-limited', 'too many attempts, wait a minute') };
  const code = normalizeCode(req.code);
  const board = code ? await deps.store.getBoard(code) : null;
  if (!code || !board) {
    deps.limiter.fail(address);
    return { result: refused('unknown-board', 'no board has this code') };
  }
  if (
    req.role === 'facilitator' &&
    !(req.facilitatorToken && tokenMatches(req.facilitatorToken, board.facilitatorTokenHash))
  ) {
    deps.limiter.fail(address);
    return { result: refused('bad-facilitator-token', 'this facilitator link is not valid') };
  }
  return deps.registry.with(code, async (room) => {
    const info = boardInfo(board, room.doc);
    const identity =
      req.role === 'projector' ? projectorIdentity() : await participantIdentity(deps, req, info);
    if ('reason' in identity) return { result: refused(identity.reason, identity.message) };
    if (req.role !== 'projector') {
      const role = req.role === 'facilitator' ? 'facilitator' : 'participant';
      await room.upsertPerson({
        id: identity.id,
        name: identity.name,
        role,
        city: identity.city,
        language: req.language,
      });
    }
    const ticket = deps.tickets.sign({
      board: code,
      role: req.role,
      participantId: identity.id,
      ...(identity.city === undefined ? {} : { city: identity.city }),
      exp: Date.now() + (deps.ticketTtlMs ?? TIMING.ticketTtlMs),
    });
    const result: JoinResult = {
      type: 'joined',
      board: info,
      role: req.role,
      participantId: identity.id,
      participantSecret: identity.secret,
      ticket,
      serverTime: Date.now(),
      ...(req.withState ? { state: room.whole.asUpdate() } : {}),
    };
    return {
      result,
      session: {
        code,
        role: req.role,
        participantId: identity.id,
        name: identity.name,
        city: identity.city,
      },
    };
  });
}

interface Identity {
  id: string;
  secret: string;
  name: string;
  city: string | undefined;
}

function projectorIdentity(): Identity {
  return { id: `projector-${newEntityId(10)}`, secret: '', name: '', city: undefined };
}

async function participantIdentity(
  deps: JoinDeps,
  req: JoinRequest,
  info: BoardInfo,
): Promise<Identity | { reason: JoinError; message: string }> {
  const role = req.role === 'facilitator' ? 'facilitator' : 'participant';
  const known =
    req.participantId && req.participantSecret
      ? await deps.store.getParticipant(info.code, req.participantId)
      : null;
  const returning =
    known && req.participantSecret && tokenMatches(req.participantSecret, known.secretHash)
      ? known
      : null;
  const name = req.name ?? returning?.name;
  if (!name) return { reason: 'name-required', message: 'please tell us your name' };
  const city = req.city ?? returning?.city;
  if (
    role === 'participant' &&
    info.askCity &&
    info.cities.length > 0 &&
    !(city && info.cities.includes(city))
  ) {
    return { reason: 'city-required', message: 'please pick your city' };
  }
  const id = returning?.id ?? newEntityId(12);
  const secret = req.participantSecret && returning ? req.participantSecret : newSecretToken();
  await deps.store.putParticipant({
    board: info.code,
    id,
    secretHash: hashToken(secret),
    name,
    role,
    city,
    language: req.language ?? returning?.language,
    createdAt: returning?.createdAt ?? Date.now(),
  });
  return { id, secret, name, city };
}

import type * as Y from 'yjs';
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
import { isFacilitatorCredential } from '../auth/eventCredential.ts';
import type { Limits } from '../auth/limits.ts';
import { newEntityId, readPeople } from '@twinspace/shared';
import type { Store } from '../store/types.ts';
import type { RoomRegistry } from './registry.ts';
import { boardInfo } from './board-info.ts';

export interface JoinDeps {
  store: Store;
  registry: RoomRegistry;
  tickets: TicketSigner;
  limits: Limits;
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

const refused = (reason: JoinError, message: string, retryAfterS?: number): JoinResult => ({
  type: 'join-refused',
  reason,
  message,
  ...(retryAfterS === undefined ? {} : { retryAfterS }),
});

type Refusal = { reason: JoinError; message: string; retryAfterS?: number };

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
  const budget = await deps.limits.lookupAllowed(address);
  if (!budget.ok)
    return {
      result: refused('rate-limited', 'too many attempts, wait a minute', budget.retryAfterS),
    };
  const code = normalizeCode(req.code);
  const board = code ? await deps.store.getBoard(code) : null;
  if (!code || !board) {
    await deps.limits.lookupFailed(address);
    return { result: refused('unknown-board', 'no board has this code') };
  }
  if (
    req.role === 'facilitator' &&
    !(
      req.facilitatorToken &&
      (await isFacilitatorCredential(deps.store, board, req.facilitatorToken))
    )
  ) {
    await deps.limits.lookupFailed(address);
    return { result: refused('bad-facilitator-token', 'this facilitator link is not valid') };
  }
  return deps.registry.with(code, async (room) => {
    const info = boardInfo(board, room.doc);
    const identity =
      req.role === 'projector'
        ? projectorIdentity()
        : await participantIdentity(deps, req, info, { address, doc: room.doc });
    if ('reason' in identity)
      return { result: refused(identity.reason, identity.message, identity.retryAfterS) };
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
      ...(req.withState ? { state: await room.storedState() } : {}),
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
  from: { address: string; doc: Y.Doc },
): Promise<Identity | Refusal> {
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
  if (!returning && role === 'participant') {
    const limit = await newParticipantAllowed(deps, info.code, from);
    if (limit) return limit;
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

/**
 * The limits on new participants (a rejoin with the participant's secret is free): at most
 * PARTICIPANTS_PER_BOARD on a board (the people in its document, which every process
 * shares), and JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR new ones per address, so one machine
 * cannot mint identities to get around per-person caps (10 topics each).
 */
async function newParticipantAllowed(
  deps: JoinDeps,
  code: string,
  from: { address: string; doc: Y.Doc },
): Promise<Refusal | null> {
  let participants = 0;
  for (const person of readPeople(from.doc).values())
    if (person.role === 'participant') participants++;
  if (participants >= deps.limits.config.participantsPerBoard)
    return { reason: 'board-full', message: 'this board has as many participants as it takes' };
  const verdict = await deps.limits.newParticipant(code, from.address);
  if (!verdict.ok)
    return {
      reason: 'too-many-joins',
      message: 'too many people joined this board from your network; wait a while',
      retryAfterS: verdict.retryAfterS,
    };
  return null;
}

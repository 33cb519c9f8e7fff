import { promisify } from 'node:util';
import zlib from 'node:zlib';
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
  type TeamRole,
} from '@twinspace/shared';
import { newSecretToken, hashToken, tokenMatches, type TicketSigner } from '../auth/tokens.ts';
import { facilitatorCredential } from '../auth/facilitators.ts';
import type { Limits } from '../auth/limits.ts';
import { isRevoked, newEntityId, readPeople, readRevocation } from '@twinspace/shared';
import type { ParticipantRecord, Store } from '../store/types.ts';
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
  /** A facilitator's link (docs/team.md): its id, and the role that bounds their rights. */
  link?: string | undefined;
  team?: TeamRole | undefined;
  /** A named link's name: the activity log says it, even after a `rename`. */
  linkName?: string | undefined;
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
  const credential =
    req.role === 'facilitator'
      ? await facilitatorCredential(deps.store, board, req.facilitatorToken)
      : null;
  if (req.role === 'facilitator' && !credential) {
    await deps.limits.lookupFailed(address);
    return { result: refused('bad-facilitator-token', 'this facilitator link is not valid') };
  }
  // A named link is its holder's name: what the console does is attributed to it (the
  // activity log), whatever name was typed.
  if (credential?.name) req = { ...req, name: credential.name };
  const team = credential ? { link: credential.linkId, team: credential.role } : {};
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
      ...team,
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
      ...(req.withState ? await stateFor(room, req.stateEncoding) : {}),
      ...(credential ? { team: { linkId: credential.linkId, role: credential.role } } : {}),
    };
    return {
      result,
      session: {
        code,
        role: req.role,
        participantId: identity.id,
        name: identity.name,
        city: identity.city,
        ...team,
        ...(credential?.name ? { linkName: credential.name } : {}),
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

const deflateRaw = promisify(zlib.deflateRaw);
/** Smaller states go as they are: compressing them would save less than a packet. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Each state's compressed bytes, for as long as it is the board's state: the room hands out
 * the same update to every join until the board changes (WholeBoard, SPEC R14), so a
 * plenary joining at once compresses it once.
 */
const deflated = new WeakMap<Uint8Array, Promise<Buffer>>();

/**
 * The board's document for a first join, compressed when the client can inflate it: on a
 * 3G phone its bytes are the longest wait after the join's round trip (a 200-topic board's
 * 33.6 KB update was 3.5 KB deflated in bench client-cost). zlib runs in libuv's pool, off
 * the event loop. A failed compression is not kept: the next join tries again.
 */
async function stateFor(
  room: { storedState(): Promise<Uint8Array> },
  encoding: JoinRequest['stateEncoding'],
): Promise<Pick<Extract<JoinResult, { type: 'joined' }>, 'state' | 'stateEncoding'>> {
  const state = await room.storedState();
  if (encoding !== 'deflate-raw' || state.byteLength < COMPRESS_FROM_BYTES) return { state };
  let packed = deflated.get(state);
  if (!packed) {
    packed = deflateRaw(state);
    deflated.set(state, packed);
    packed.catch(() => deflated.delete(state));
  }
  return { state: await packed, stateEncoding: 'deflate-raw' };
}

/**
 * The participant a rejoin names, if its secret matches. One who deleted their data but whose
 * record a failed store step left behind (SPEC R29) is not: the record goes now, and they join
 * as someone new (their phone's outbox then sends the erasure again, which completes it).
 */
async function returningParticipant(
  store: Store,
  req: JoinRequest,
  code: string,
  doc: Y.Doc,
): Promise<ParticipantRecord | null> {
  if (!req.participantId || !req.participantSecret) return null;
  const known = await store.getParticipant(code, req.participantId);
  if (!known || !tokenMatches(req.participantSecret, known.secretHash)) return null;
  if (readRevocation(doc, known.id)?.erased !== true) return known;
  await store.deleteParticipant(code, known.id);
  return null;
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
  const returning = await returningParticipant(deps.store, req, info.code, from.doc);
  // A removed participant's secret renews nothing (SPEC R23): the list is in the document.
  if (returning && isRevoked(from.doc, returning.id))
    return { reason: 'removed', message: 'a facilitator removed you from this board' };
  const name = req.name ?? returning?.name;
  if (!name) return { reason: 'name-required', message: 'please tell us your name' };
  // Only one of the board's cities: any other string would be a key of the tallies (a city
  // named `constructor` broke the room at a poll answer) and of what `mustEqualActor` admits.
  const asked = req.city !== undefined && info.cities.includes(req.city) ? req.city : undefined;
  const city = asked ?? returning?.city;
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

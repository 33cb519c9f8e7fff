import {
  EV,
  PROTOCOL_VERSION,
  type JoinRequest,
  type JoinResult,
} from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { infoKey } from './deviceCopy.ts';
import { loadIdentity, type StoredIdentity } from './identity.ts';
import { readStored } from './storage.ts';
import type { TwinSocket } from './socket.ts';

/** What the join form (or this device's memory) supplies. */
export interface JoinDetails {
  name?: string;
  city?: string;
  language?: string;
}

export interface JoinCredentials {
  code: string;
  role: Role;
  facilitatorToken: string | null;
  identity: StoredIdentity | null;
}

/** Builds a JoinRequest without undefined fields (the server's schema is strict about them). */
export function buildJoinRequest(creds: JoinCredentials, details: JoinDetails): JoinRequest {
  const request: JoinRequest = {
    type: 'join',
    protocolVersion: PROTOCOL_VERSION,
    code: creds.code,
    role: creds.role,
  };
  if (creds.role !== 'projector') {
    if (details.name) request.name = details.name;
    if (details.city) request.city = details.city;
    if (details.language) request.language = details.language;
  }
  if (creds.role === 'facilitator' && creds.facilitatorToken)
    request.facilitatorToken = creds.facilitatorToken;
  if (creds.identity) {
    request.participantId = creds.identity.participantId;
    request.participantSecret = creds.identity.participantSecret;
  }
  return request;
}

/** The join details a stored identity holds (a known device joins without the form). */
export function pickDetails(identity: JoinDetails): JoinDetails {
  const details: JoinDetails = {};
  if (identity.name) details.name = identity.name;
  if (identity.city) details.city = identity.city;
  if (identity.language) details.language = identity.language;
  return details;
}

/**
 * May this device hold the board from an earlier visit (its info, and the person's identity)?
 * Checked without loading anything, so a first visit pays nothing for the question.
 */
export const mayBeOnDevice = (code: string, role: Role): boolean =>
  readStored(infoKey(code)) !== null && (role === 'projector' || loadIdentity(code, role) !== null);

const JOIN_TIMEOUT_MS = 10_000;

export interface JoinAttempt {
  result: JoinResult | 'timeout';
  sentAt: number;
  receivedAt: number;
}

/** Emits a join and waits for the ack. Socket.IO buffers it while the socket reconnects. */
export async function requestJoin(socket: TwinSocket, request: JoinRequest): Promise<JoinAttempt> {
  const sentAt = Date.now();
  if (request.withState && canInflate()) request.stateEncoding = 'deflate-raw';
  try {
    // Socket.IO types a timed ack as `any`: the event map says it is a JoinResult.
    const result = (await socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck(EV.join, request)) as JoinResult;
    const receivedAt = Date.now();
    return { result: await inflated(result), sentAt, receivedAt };
  } catch {
    return { result: 'timeout', sentAt, receivedAt: Date.now() };
  }
}

/** The browser inflates a raw deflate stream natively (no code in the bundle). */
function canInflate(): boolean {
  try {
    return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
  } catch {
    return false;
  }
}

/**
 * The join's state as a Yjs update. One that cannot be inflated is dropped: it is only a
 * head start, and the Yjs socket's sync brings the whole board all the same (SPEC R14).
 */
async function inflated(result: JoinResult): Promise<JoinResult> {
  if (result.type !== 'joined' || result.stateEncoding !== 'deflate-raw') return result;
  const { state, stateEncoding: _, ...rest } = result;
  if (!state) return rest;
  try {
    const bytes = state instanceof ArrayBuffer ? state : new Uint8Array(state).buffer;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return { ...rest, state: new Uint8Array(await new Response(stream).arrayBuffer()) };
  } catch {
    return rest;
  }
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { YWS_PATH } from '@twinspace/shared';
import type { Protocol } from '../lib/plan.ts';

/**
 * The y-protocols frames a light client needs, for each server's own wire format:
 * Twinspace and the y-websocket server speak plain y-protocols (one document per
 * socket); Hocuspocus prefixes every frame with the document name and wants an auth
 * message before anything else.
 */
export const MSG = { sync: 0, awareness: 1, auth: 2, syncReply: 4 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;
/** An empty Yjs update (no structs, empty delete set): what a doc-less client has. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export function socketUrl(
  protocol: Protocol,
  httpUrl: string,
  room: string,
  ticket?: string,
): string {
  const ws = httpUrl.replace(/^http/, 'ws');
  if (protocol === 'twinspace')
    return `${ws}${YWS_PATH}/${room}?ticket=${encodeURIComponent(ticket ?? '')}`;
  if (protocol === 'y-websocket') return `${ws}/${room}`;
  return ws;
}

function frame(protocol: Protocol, room: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(e, room);
  write(e);
  return encoding.toUint8Array(e);
}

/** What a light client sends first: auth (Hocuspocus) and sync step 1 with an empty state. */
export function openingFrames(protocol: Protocol, room: string): Uint8Array[] {
  const frames: Uint8Array[] = [];
  if (protocol === 'hocuspocus') {
    frames.push(
      frame(protocol, room, (e) => {
        encoding.writeVarUint(e, MSG.auth);
        encoding.writeVarUint(e, 0); // AuthMessageType.Token
        encoding.writeVarString(e, '');
      }),
    );
  }
  frames.push(
    frame(protocol, room, (e) => {
      encoding.writeVarUint(e, MSG.sync);
      encoding.writeVarUint(e, SYNC.step1);
      encoding.writeVarUint8Array(e, new Uint8Array([0])); // empty state vector
    }),
  );
  return frames;
}

/** The answer to the server's sync step 1: we have nothing it lacks. */
export const emptyStep2 = (protocol: Protocol, room: string): Uint8Array =>
  frame(protocol, room, (e) => {
    encoding.writeVarUint(e, protocol === 'hocuspocus' ? MSG.syncReply : MSG.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, EMPTY_UPDATE);
  });

/** A document update, as a provider sends one. */
export const updateFrame = (protocol: Protocol, room: string, update: Uint8Array): Uint8Array =>
  frame(protocol, room, (e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

/** One awareness entry, encoded as y-protocols' encodeAwarenessUpdate does. */
export const awarenessFrame = (
  protocol: Protocol,
  room: string,
  clientId: number,
  clock: number,
  state: unknown,
): Uint8Array =>
  frame(protocol, room, (e) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    encoding.writeVarUint(e, MSG.awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });

export type Incoming =
  | { kind: 'step1' }
  | { kind: 'step2'; payload: Uint8Array }
  | { kind: 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'other' };

export function readFrame(protocol: Protocol, data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  if (protocol === 'hocuspocus') decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type === MSG.awareness) return { kind: 'awareness', payload: decoding.readVarUint8Array(d) };
  if (type !== MSG.sync && type !== MSG.syncReply) return { kind: 'other' };
  const sub = decoding.readVarUint(d);
  if (sub === SYNC.step1) return { kind: 'step1' };
  const payload = decoding.readVarUint8Array(d);
  return sub === SYNC.step2 ? { kind: 'step2', payload } : { kind: 'update', payload };
}

import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * The y-protocols framing spoken on the Yjs endpoint (the same bytes as y-websocket):
 * a varuint message type, then for sync a varuint sync step and a varuint8array.
 */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type Incoming =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'ignored' };

/** Decodes one client frame; throws on malformed bytes (the caller refuses them). */
export function decodeFrame(data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  switch (type) {
    case MSG.sync: {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SYNC.step1) return { kind: 'sync-step1', stateVector: payload };
      if (step === SYNC.step2 || step === SYNC.update) return { kind: 'update', update: payload };
      throw new Error(`unknown sync step ${step}`);
    }
    case MSG.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
    case MSG.queryAwareness:
      return { kind: 'query-awareness' };
    case MSG.auth:
      return { kind: 'ignored' };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const syncStep1Frame = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

/** A sync step 2 carrying an update already encoded. */
export const step2FrameOf = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const syncStep2Frame = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  step2FrameOf(Y.encodeStateAsUpdate(doc, stateVector));

export const updateFrame = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessFrame = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MSG.awareness);
    encoding.writeVarUint8Array(e, update);
  });

/** y-protocols/auth "permission denied": y-websocket clients surface the reason. */
export const deniedFrame = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MSG.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });

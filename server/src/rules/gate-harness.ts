import * as Y from 'yjs';
import { BOARD_RULES, type Actor, type BoardKind } from '@twinspace/shared';
import { UpdateGate, type Inspection } from './inspect.ts';

/**
 * A server document behind the update gate and clients that edit copies of it, as the
 * Yjs endpoint sees them (for the rule tests; the room adds the store and the relay).
 */
export function gateHarness(
  kind: BoardKind,
  phase: () => string,
  maxClientIds = 500,
  /** What the board's stored form may still grow by (the room: MAX_BOARD_BYTES - stored). */
  bytesLeft = 16 * 1024 * 1024,
  /** When the board was made (the room: its store record's createdAt). */
  bornAt = 0,
) {
  const server = new Y.Doc();
  const rules = BOARD_RULES[kind];
  const gate = new UpdateGate(server, rules);
  const bound = new Map<number, string>();
  const inspect = (actor: Actor, update: Uint8Array): Inspection =>
    gate.inspect(update, {
      rules,
      actor,
      phase: phase(),
      clientOwner: (c) => bound.get(c),
      clientCount: (p) => [...bound.values()].filter((o) => o === p).length,
      maxClientIds,
      bytesLeft,
      now: Date.now(),
      bornAt,
    });
  /** Inspects and, if accepted, applies to the server as the room does. */
  const send = (actor: Actor, update: Uint8Array): Inspection => {
    const verdict = inspect(actor, update);
    if (verdict.ok && !verdict.empty) {
      for (const c of verdict.newClients) bound.set(c, actor.participantId);
      gate.absorb(update);
    }
    return verdict;
  };
  const client = (actor: Actor) => {
    // After a refusal the client drops its document and resyncs: so does this one.
    let doc = new Y.Doc();
    /** Runs an edit and returns the update it produced, without applying it to the server. */
    const edit = (fn: (d: Y.Doc) => void): Uint8Array => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
      const before = Y.encodeStateVector(doc);
      fn(doc);
      return Y.encodeStateAsUpdate(doc, before);
    };
    return {
      get doc() {
        return doc;
      },
      edit,
      inspect: (update: Uint8Array) => inspect(actor, update),
      send: (update: Uint8Array) => {
        const verdict = send(actor, update);
        if (!verdict.ok) doc = new Y.Doc();
        return verdict;
      },
    };
  };
  /** A server-side write (the room's writeAsServer), seen by the gate like any change. */
  const serverWrite = (fn: (d: Y.Doc) => void) => server.transact(() => fn(server));
  return { server, gate, bound, client, send, serverWrite };
}

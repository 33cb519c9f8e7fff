import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { TIMING } from '@twinspace/shared';
import { awarenessFrame } from './frames.ts';
import type { Peer } from './types.ts';

/**
 * What one peer may say in awareness (SPEC R19): a y-websocket client speaks for its own
 * clientID (a new one after a reload or a refusal), with a cursor and a name. Every state is
 * relayed to every peer of the board (and each of them echoes it back), so more clientIDs or
 * bigger states are refused instead of being handed to everyone.
 */
export const AWARENESS_LIMITS = { idsPerPeer: 4, stateChars: 4096 } as const;

interface Entry {
  id: number;
  clock: number;
  state: string;
}

/** The entries of an awareness update: one per clientID it speaks for. */
function decodeEntries(update: Uint8Array): Entry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    entries.push({ id, clock, state: decoding.readVarString(d) });
  }
  return entries;
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

/**
 * Awareness (cursors, "who is typing") for standard y-websocket clients. It is not
 * document state: never stored, coalesced over a short window, and encoded once per
 * flush for the whole room instead of once per incoming message.
 */
export class RoomAwareness {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Peer>();
  /** ClientIDs whose state another process holds (scale-out). */
  private readonly remote = new Set<number>();
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  /**
   * `forward`, when scaled out: every change made here (a local peer's update, or the
   * removal of a peer that left) also goes to the other processes of the board.
   */
  constructor(
    doc: Y.Doc,
    private readonly broadcast: (frame: Uint8Array) => void,
    private readonly forward?: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
  }

  /**
   * Applies what a peer says about its own clients. y-websocket clients echo every state
   * they know, so entries for clientIDs held by another peer, by another process or bound
   * to another participant are dropped, not applied, and never relayed again. A peer speaks
   * for at most AWARENESS_LIMITS.idsPerPeer clientIDs, each state at most `stateChars` long:
   * the rest is dropped, and 'over-limit' (a refusal) when it was not an honest echo.
   */
  receive(
    peer: Peer,
    update: Uint8Array,
    clientOwner: (id: number) => string | undefined,
  ): 'ok' | 'over-limit' {
    const entries = decodeEntries(update);
    const claimed = entries.filter((e) => this.mayClaim(peer, e.id, clientOwner));
    let held = 0;
    for (const holder of this.owners.values()) if (holder === peer) held++;
    let verdict: 'ok' | 'over-limit' = 'ok';
    const own = claimed.filter((e) => {
      if (e.state.length > AWARENESS_LIMITS.stateChars) verdict = 'over-limit';
      else if (this.owners.get(e.id) === peer || e.state === 'null') return true;
      else if (++held <= AWARENESS_LIMITS.idsPerPeer) return true;
      // Past the limit: dropped. An echo of a state the room knew (a peer that left) is an
      // honest client's; a clientID never seen here is made up.
      else if (!this.awareness.meta.has(e.id)) verdict = 'over-limit';
      return false;
    });
    if (own.length === 0) return verdict;
    for (const e of own) {
      if (e.state !== 'null') this.owners.set(e.id, peer);
      this.changed.add(e.id);
    }
    const accepted = own.length === entries.length ? update : encodeEntries(own);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, peer);
    this.forward?.(accepted);
    this.schedule();
    return verdict;
  }

  private mayClaim(
    peer: Peer,
    id: number,
    clientOwner: (id: number) => string | undefined,
  ): boolean {
    const holder = this.owners.get(id);
    if (holder) return holder === peer;
    if (this.remote.has(id)) return false;
    const owner = clientOwner(id);
    if (owner !== undefined && owner !== peer.actor.participantId) return false;
    // A clientID nobody holds: a state we still show came from a peer that left.
    return true;
  }

  /** An update another process accepted from its own peer (scale-out). */
  receiveRemote(update: Uint8Array): void {
    // Our own peers' states come back as echoes: the local copy is the authority.
    const foreign = decodeEntries(update).filter((e) => !this.owners.has(e.id));
    if (foreign.length === 0) return;
    for (const e of foreign) {
      if (e.state === 'null') this.remote.delete(e.id);
      else this.remote.add(e.id);
      this.changed.add(e.id);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(foreign), 'remote');
    this.schedule();
  }

  /** The full current state, for a peer that just connected or asked for it. */
  snapshotFrame(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return null;
    return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  removePeer(peer: Peer): void {
    const ids = [...this.owners].filter(([, p]) => p === peer).map(([id]) => id);
    if (ids.length === 0) return;
    for (const id of ids) this.owners.delete(id);
    const removed = ids.filter((id) => this.awareness.getStates().has(id));
    awarenessProtocol.removeAwarenessStates(this.awareness, removed, 'disconnect');
    for (const id of removed) this.changed.add(id);
    if (this.forward && removed.length > 0) {
      this.forward(awarenessProtocol.encodeAwarenessUpdate(this.awareness, removed));
    }
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), TIMING.awarenessFlushMs);
  }

  private flush(): void {
    this.timer = null;
    // Only ids the awareness has a clock for can be encoded (an update may have been
    // ignored as outdated, leaving no entry).
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    if (ids.length === 0) return;
    this.broadcast(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.destroy();
  }
}

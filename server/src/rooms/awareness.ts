import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { TIMING } from '@twinspace/shared';
import { awarenessFrame } from './frames.ts';
import type { Peer } from './types.ts';

/** The clientIDs an awareness update speaks for. */
export function awarenessClients(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(d));
    decoding.readVarUint(d);
    decoding.readVarString(d);
  }
  return ids;
}

/**
 * Awareness (cursors, "who is typing") for standard y-websocket clients. It is not
 * document state: never stored, coalesced over a short window, and encoded once per
 * flush for the whole room instead of once per incoming message.
 */
export class RoomAwareness {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Peer>();
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    doc: Y.Doc,
    private readonly broadcast: (frame: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
  }

  /** Applies a peer's update unless it speaks for a clientID another peer holds. */
  receive(
    peer: Peer,
    update: Uint8Array,
    clientOwner: (id: number) => string | undefined,
  ): boolean {
    const ids = awarenessClients(update);
    for (const id of ids) {
      const holder = this.owners.get(id);
      if (holder && holder !== peer) return false;
      const owner = clientOwner(id);
      if (owner !== undefined && owner !== peer.actor.participantId) return false;
    }
    for (const id of ids) {
      this.owners.set(id, peer);
      this.changed.add(id);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    this.schedule();
    return true;
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

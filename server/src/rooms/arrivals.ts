import * as Y from 'yjs';
import { moderationGuard, ROOT, type BoardRules, type Verdict } from '@twinspace/shared';
import type { Inspection, UpdateGate } from '../rules/inspect.ts';
import type { CountedUpdates } from './counted.ts';
import type { DocLimits } from './limits.ts';
import type { Peer } from './types.ts';

/** Transaction origins on the board's document: the server's own writes, other processes' entries. */
const SERVER_ORIGIN = Symbol('server');
export const REMOTE_ORIGIN = Symbol('remote');

export interface ClientArrival {
  peer: Peer;
  update: Uint8Array;
  started: number;
  /**
   * Set on an update judged under the board's mutex (scale-out, CountedUpdates): it is
   * judged once more, never deferred, and told whether its batch was stored.
   */
  done?: (stored: boolean) => void;
}
/**
 * What joins a room's batch: a client's update, or a change the server makes (`done` tells
 * whether its batch reached the store).
 */
export type Arrival =
  | ClientArrival
  | { change: (doc: Y.Doc) => void; done: (stored: boolean) => void; started: number };

/** What the room knows that judging one client update needs (the room hands it in). */
export interface JudgeContext {
  readonly rules: BoardRules;
  /** When the board was made (its store record): no entity is dated before it. */
  readonly bornAt: number;
  phase(): string;
  /** Closed meanwhile: its queued frames are void. */
  hasPeer(peer: Peer): boolean;
  /** Bytes the board's stored form holds (SPEC R17). */
  storedBytes(): number;
  refuse(peer: Peer, verdict: Verdict & { ok: false }): void;
  /** Scale-out: updates judged on a per-owner count wait for the board's mutex (R41). */
  readonly counted: Pick<CountedUpdates, 'holds' | 'defer' | 'judged'> | null;
}

/** The participant a Yjs clientID is bound to (SPEC R7), if any. */
export function clientOwnerIn(doc: Y.Doc, clientId: number): string | undefined {
  const owner = doc.getMap<string>(ROOT.clients).get(String(clientId));
  return typeof owner === 'string' ? owner : undefined;
}

/** What one batch made: the updates to store and relay, and the arrivals they came from. */
export interface BatchResult {
  made: Uint8Array[];
  relayed: Arrival[];
  /** A server write or a new clientID binding: even a lone sender gets it back. */
  toAll: boolean;
}

/**
 * The incoming-update path of a room's batch (docs/architecture.md): every arrival is
 * applied to the board in order, each client update only after the gate accepted it, and
 * what each one made is captured as the update Yjs encoded for it. Runs for every edit, so
 * it allocates no closure per update: the capture listener stays on the document and is
 * only armed while one change runs (at 100 edits/s the per-edit garbage is what the 1 MB
 * young generation turns into GC time, docs/performance.md).
 */
export class BatchMaker {
  private armed = false;
  private captured: Uint8Array | null = null;
  private readonly capture = (update: Uint8Array): void => {
    if (this.armed) this.captured = update;
  };

  private readonly clientOwner = (clientId: number): string | undefined =>
    clientOwnerIn(this.doc, clientId);
  private readonly clientCount = (participantId: string): number => {
    let n = 0;
    this.doc.getMap<string>(ROOT.clients).forEach((owner) => {
      if (owner === participantId) n++;
    });
    return n;
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly gate: UpdateGate,
    private readonly limits: Pick<DocLimits, 'maxBoardBytes' | 'maxClientIds'>,
    private readonly ctx: JudgeContext,
  ) {
    doc.on('update', this.capture);
  }

  make(batch: readonly Arrival[]): BatchResult {
    const made: Uint8Array[] = [];
    const relayed: Arrival[] = [];
    let bytes = 0;
    let toAll = false;
    for (const a of batch) {
      if ('change' in a) {
        const update = this.serverWrite(a.change);
        if (!update) continue;
        made.push(update);
        toAll = true;
      } else {
        const bound = this.judge(a, bytes, made);
        if (bound === null) continue;
        bytes += a.update.byteLength;
        toAll ||= bound;
      }
      relayed.push(a);
    }
    return { made, relayed, toAll };
  }

  /**
   * Scale-out: a log entry another process accepted and stored, applied as it is (it was
   * judged there). Returns whether it changed this document.
   */
  applyRemote(update: Uint8Array): boolean {
    this.arm();
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } finally {
      this.armed = false;
    }
    return this.take() !== null;
  }

  destroy(): void {
    this.doc.off('update', this.capture);
  }

  /** Runs a server change in its own transaction; returns the update it made, if any. */
  private serverWrite(change: (doc: Y.Doc) => void): Uint8Array | null {
    this.arm();
    try {
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    } finally {
      this.armed = false;
    }
    return this.take();
  }

  /**
   * The gate's verdict on one client update; accepted, it is applied (with its clientID
   * bindings) and what it made is pushed to `made`. Returns null when it was not accepted
   * (refused, empty, deferred, or its sender gone), else whether it bound new clientIDs.
   */
  private judge(a: ClientArrival, batchBytes: number, made: Uint8Array[]): boolean | null {
    const { peer } = a;
    if (a.done) this.ctx.counted?.judged(peer);
    if (!this.ctx.hasPeer(peer)) return null;
    const counted = a.done ? null : this.ctx.counted;
    // Behind the peer's updates waiting for the mutex, in the order it sent them.
    if (counted?.holds(peer)) return this.defer(counted, a, false);
    const verdict = this.inspect(a, batchBytes);
    if (!verdict.ok) {
      this.ctx.refuse(peer, verdict);
      return null;
    }
    if (verdict.empty) return null;
    // Scaled out, a count is exact only under the board's mutex (SPEC R41).
    if (counted && verdict.counted) return this.defer(counted, a, true);
    return this.apply(a, verdict.newClients, made);
  }

  /** Not applied now: judged again under the mutex (the staging copy drops it if it has it). */
  private defer(counted: Pick<CountedUpdates, 'defer'>, a: ClientArrival, staged: boolean): null {
    if (staged) this.gate.withdraw();
    counted.defer(a);
    return null;
  }

  private inspect({ peer, update }: ClientArrival, batchBytes: number): Inspection {
    return this.gate.inspect(update, {
      rules: this.ctx.rules,
      actor: peer.actor,
      phase: this.ctx.phase(),
      clientOwner: this.clientOwner,
      clientCount: this.clientCount,
      maxClientIds: this.limits.maxClientIds,
      bytesLeft: this.limits.maxBoardBytes - this.ctx.storedBytes() - batchBytes,
      now: Date.now(),
      bornAt: this.ctx.bornAt,
      moderation: moderationGuard(this.doc, peer.actor, this.ctx.rules),
    });
  }

  /** An accepted update: its clientIDs bound, then absorbed; returns whether it bound any. */
  private apply(
    { peer, update }: ClientArrival,
    newClients: number[],
    made: Uint8Array[],
  ): boolean {
    let bound = false;
    if (newClients.length > 0) {
      const participantId = peer.actor.participantId;
      const binding = this.serverWrite((doc) => {
        const clients = doc.getMap<string>(ROOT.clients);
        for (const id of newClients) clients.set(String(id), participantId);
      });
      if (binding) {
        made.push(binding);
        bound = true;
      }
    }
    this.arm();
    try {
      this.gate.absorb(update, peer);
    } finally {
      this.armed = false;
    }
    const effect = this.take();
    if (effect) made.push(effect);
    return bound;
  }

  private arm(): void {
    this.captured = null;
    this.armed = true;
  }

  private take(): Uint8Array | null {
    const update = this.captured;
    this.captured = null;
    return update;
  }
}

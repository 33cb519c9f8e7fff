import * as Y from 'yjs';
import {
  BOARD_RULES,
  getMeta,
  initialPhase,
  type BoardKind,
  type BoardRules,
  type Person,
  isRevoked,
  readRevocation,
  WS_CLOSE,
} from '@twinspace/shared';
import { UpdateGate } from '../rules/inspect.ts';
import type { Store } from '../store/types.ts';
import { RoomAwareness } from './awareness.ts';
import { Arbiter } from './arbiter.ts';
import { CountedUpdates } from './counted.ts';
import { Coalescer } from './coalesce.ts';
import { BatchMaker, clientOwnerIn, REMOTE_ORIGIN, type Arrival } from './arrivals.ts';
import { DEFAULT_DOC_LIMITS, type DocLimits } from './limits.ts';
import { syncStep1Frame, updateFrame } from './frames.ts';
import { PeerFrames } from './peerFrames.ts';
import { DirectoryBatch, writePerson } from './people.ts';
import type { Peer, RoomHooks } from './types.ts';
import { WholeBoard } from './whole-board.ts';
import { LogPosition } from './logPosition.ts';
import { Compactor } from './compactor.ts';
import { closeOnRevocation } from './revocation.ts';

export { NotStoredError } from './notStored.ts';
import { NotStoredError } from './notStored.ts';

interface RemoteEntry {
  update: Uint8Array;
  seq: number;
  started: number;
}

/**
 * One board in memory: its Y.Doc, its peers, and the pipeline every change takes:
 * check (rules) -> apply -> store (durable append) -> relay (one frame for all), in one
 * queued task per batch of updates that arrived together. Changes are processed one at a
 * time, so every check sees the document with every earlier change in it.
 */
export class Room {
  readonly rules: BoardRules;
  private readonly peers = new Set<Peer>();
  private readonly awareness: RoomAwareness;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  broken = false;
  private readonly stopAwarenessRelay: (() => void) | undefined;
  private readonly directory = new DirectoryBatch((batch) =>
    this.writeAsServer((doc) => batch.forEach((p) => writePerson(doc, p))),
  );
  /** The whole board, encoded once per change, for fresh clients and joins. */
  readonly whole: WholeBoard;
  /** How far into the board's log this document goes (compaction, scale-out catch-up). */
  private readonly log: LogPosition;
  /** Client updates are judged by what they do to a staging copy (SPEC R16). */
  private readonly gate: UpdateGate;
  /** Applies a batch's arrivals, each client update once the gate accepted it. */
  private readonly batches: BatchMaker;
  /** Frames from peers, decoded before they are queued, and each peer's budgets. */
  private readonly frames: PeerFrames;
  /** Client updates, and other processes' log entries, coalesced per batch (Coalescer). */
  private readonly updates = new Coalescer<Arrival>(
    (task) => void this.enqueue(task, () => this.abandon()),
    (batch) => this.acceptBatch(batch),
  );
  /** Scale-out: decisions taken under the board's cross-process mutex, batched (Arbiter). */
  private readonly arbiter: Arbiter | null;
  /** Scale-out: client updates judged on a per-owner count, under that mutex (SPEC R41). */
  private readonly counted: CountedUpdates | null;
  private readonly remote = new Coalescer<RemoteEntry>(
    (task) => void this.enqueue(task),
    (batch) => this.applyRemoteBatch(batch),
  );
  /** Snapshots of the log, and the stored form's size (SPEC R17). */
  private readonly compactor: Compactor;

  constructor(
    readonly code: string,
    readonly kind: BoardKind,
    readonly doc: Y.Doc,
    private readonly store: Store,
    private readonly hooks: RoomHooks,
    lastSeq: number,
    limits: DocLimits = DEFAULT_DOC_LIMITS,
    loadedBytes = 0,
    /** When the board was made (its store record's createdAt), for the gate (SPEC R6). */
    bornAt = 0,
  ) {
    this.rules = BOARD_RULES[kind];
    this.log = new LogPosition(code, lastSeq);
    const exclusive = store.exclusive?.bind(store);
    this.arbiter = exclusive
      ? new Arbiter(
          code,
          exclusive,
          (head) => this.log.caughtUp(head),
          (c) => this.writeAsServer(c),
        )
      : null;
    this.counted =
      this.arbiter &&
      new CountedUpdates(this.arbiter, {
        addUpdate: (arrival) => this.updates.add(arrival),
        enqueue: (task) => void this.enqueue(task),
        hasPeer: (peer) => this.peers.has(peer),
        removePeer: (peer) => this.removePeer(peer),
      });
    this.gate = new UpdateGate(doc, this.rules);
    this.batches = new BatchMaker(doc, this.gate, limits, {
      rules: this.rules,
      bornAt,
      phase: () => this.phase,
      hasPeer: (peer) => this.peers.has(peer),
      storedBytes: () => this.compactor.storedBytes,
      refuse: (peer, verdict) => this.frames.refuse(peer, verdict.reason, verdict.detail),
      counted: this.counted,
    });
    this.compactor = new Compactor(
      code,
      doc,
      store,
      this.log,
      hooks,
      (t) => this.enqueue(t),
      loadedBytes,
    );
    const publish = store.publishAwareness?.bind(store);
    this.awareness = new RoomAwareness(
      doc,
      (frame) => this.broadcast(frame, null),
      publish && ((update) => publish(code, update)),
    );
    this.stopAwarenessRelay = store.subscribeAwareness?.(code, (update) => {
      try {
        this.awareness.receiveRemote(update);
      } catch {
        // another process validated it; a frame we cannot read is dropped
      }
    });
    this.whole = new WholeBoard(doc);
    this.frames = new PeerFrames(
      {
        code,
        hooks,
        awareness: this.awareness,
        whole: this.whole,
        hasPeer: (peer) => this.peers.has(peer),
        clientOwner: this.clientOwner,
        addUpdate: (arrival) => this.updates.add(arrival),
        hurryUpdates: () => this.updates.hurry(),
        whenJudged: (peer, run) => (this.counted ? this.counted.whenJudged(peer, run) : run()),
        enqueue: (task) => void this.enqueue(task),
        removePeer: (peer) => this.removePeer(peer),
      },
      limits,
    );
    closeOnRevocation(
      doc,
      () => this.peers,
      (peer) => this.removePeer(peer),
      {
        remoteOrigin: REMOTE_ORIGIN,
        notify: (participantId) => hooks.onRemoteRevocation({ code, participantId }),
      },
    );
  }

  get size(): number {
    return this.peers.size;
  }

  get phase(): string {
    const phase = getMeta(this.doc).get('phase');
    return typeof phase === 'string' ? phase : initialPhase(this.kind);
  }

  clientOwner = (clientId: number): string | undefined => clientOwnerIn(this.doc, clientId);

  addPeer(peer: Peer): void {
    // A removed participant's ticket may still be valid: it opens nothing (SPEC R23). One who
    // erased their data had their record at connect (yws.ts): their erasure is not complete,
    // so their phone is not told yet; nothing of theirs is accepted meanwhile (R29).
    if (readRevocation(this.doc, peer.actor.participantId)?.erased === false) {
      peer.close(WS_CLOSE.removed, 'removed from this board');
      return;
    }
    this.peers.add(peer);
    peer.send(syncStep1Frame(this.doc));
    const aw = this.awareness.snapshotFrame();
    if (aw) peer.send(aw);
    this.hooks.onPeerJoin({ code: this.code, peer, peers: this.peers.size });
  }

  /**
   * Whether a facilitator removed this participant or they deleted their data (never a
   * facilitator or projector).
   */
  revoked(participantId: string): boolean {
    return isRevoked(this.doc, participantId);
  }

  /** Whether this participant deleted their own data (SPEC R29; `_revoked`, `erased`). */
  erased(participantId: string): boolean {
    return readRevocation(this.doc, participantId)?.erased === true;
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.frames.forget(peer);
    this.counted?.forget(peer);
    this.awareness.removePeer(peer);
    this.hooks.onPeerLeave({ code: this.code, peer, peers: this.peers.size });
  }

  /** Any frame from a peer: only its sender is refused or closed (PeerFrames, SPEC R12). */
  handleFrame(peer: Peer, data: Uint8Array): void {
    this.frames.handle(peer, data);
  }

  /**
   * One batch (see Coalescer; applied by BatchMaker, arrivals.ts): client updates and
   * server writes in arrival order. Each client update is judged alone by the gate against
   * the board with the batch's earlier changes in it, and a refused one is refused alone;
   * each server write runs in its own transaction and sees everything before it. What they made is stored as one log entry
   * (one store transaction) and relayed as one frame, built once. The document is ahead of
   * the store only inside this task; nobody is sent anything before the append returned.
   */
  private async acceptBatch(batch: Arrival[]): Promise<void> {
    let stored = false;
    try {
      await this.commitBatch(batch);
      stored = true;
    } finally {
      for (const a of batch) a.done?.(stored);
    }
  }

  private async commitBatch(batch: Arrival[]): Promise<void> {
    const { made, relayed, toAll } = this.batches.make(batch);
    if (made.length === 0) return;
    const merged = made.length === 1 ? made[0]! : Y.mergeUpdates(made);
    this.compactor.noteStored(await this.store.appendUpdate(this.code, merged), merged.byteLength);
    // A sender gets its own edit back only in a batch with others' changes (Yjs ignores
    // what it has); alone, it is left out as before.
    const sole = 'peer' in relayed[0]! ? relayed[0].peer : null;
    const except = !toAll && relayed.every((a) => 'peer' in a && a.peer === sole) ? sole : null;
    this.broadcast(updateFrame(merged), except);
    const now = performance.now();
    for (const a of relayed) {
      if ('peer' in a)
        this.hooks.onAccepted({ code: this.code, actor: a.peer.actor, bytes: a.update.byteLength });
      this.hooks.onRelayed({ code: this.code, ms: now - a.started, peers: this.peers.size });
    }
  }

  /**
   * A change made by the server itself (participant directory, client bindings, phase,
   * a command's decision). It joins the room's next batch: applied in its own transaction,
   * then stored, then relayed; the promise resolves once that is done. It rejects when the
   * change was not stored (the append failed, the room broke or closed first): a command
   * must not answer `ok` for what a restart would not have (R11).
   */
  writeAsServer(change: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) =>
      this.updates.add({
        change,
        done: (stored) => (stored ? resolve() : reject(new NotStoredError(this.code))),
        started: performance.now(),
      }),
    );
  }

  /**
   * Records a participant in the board's directory, batched with joins arriving together.
   */
  upsertPerson(person: Person): Promise<void> {
    return this.directory.add(person);
  }

  private broadcast(frame: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers) if (peer !== except) peer.send(frame);
  }

  /** A closed or broken room runs no batch: its server writes' callers hear they failed. */
  private abandon(): void {
    for (const a of this.updates.takeAll()) a.done?.(false);
  }

  /** Serialises every change of this room; a failing step is reported, never fatal. */
  private enqueue(task: () => Promise<void>, skipped?: () => void): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.closed || this.broken) return skipped?.();
      try {
        await task();
      } catch (error) {
        // The document may now be ahead of the store: drop it and let peers resync
        // from what was stored (the registry evicts a broken room).
        this.broken = true;
        this.closeAll(1011, 'store error');
        this.hooks.onStoreError({ code: this.code, error });
      }
    });
    this.queue = next;
    return next;
  }

  /**
   * A server decision that must see every earlier change of the board, whichever process
   * accepted it (two drops on one cell, two votes against one budget). Alone, the room's
   * queue is enough; scaled out, the store's cross-process mutex is held and this process
   * first catches up with the log head before deciding (Arbiter: one hold for all waiting).
   */
  writeArbitrated(change: (doc: Y.Doc) => void): Promise<void> {
    return this.arbiter ? this.arbiter.run(change) : this.writeAsServer(change);
  }

  /**
   * An update another server process accepted and stored (scale-out). It is applied in
   * the queue like any change and relayed to this process's peers; it is not stored again.
   * Entries that arrive together (one read of the log) go out as one frame.
   */
  applyRemote(update: Uint8Array, seq: number): void {
    this.remote.add({ update, seq, started: performance.now() });
  }

  private async applyRemoteBatch(batch: RemoteEntry[]): Promise<void> {
    const made: Uint8Array[] = [];
    for (const { update, seq } of batch) {
      // The entry as stored, not what this doc kept of it: an entry is a merged batch, and
      // a value set and replaced within it would reach this process's peers already gone.
      if (this.batches.applyRemote(update)) made.push(update);
      this.compactor.noteEntry(seq, update.byteLength, seq > this.log.seq + 1);
      this.log.advance(seq);
    }
    if (made.length === 0) return;
    this.broadcast(updateFrame(made.length === 1 ? made[0]! : Y.mergeUpdates(made)), null);
    const now = performance.now();
    for (const { started } of batch)
      this.hooks.onRelayed({ code: this.code, ms: now - started, peers: this.peers.size });
  }

  get seq(): number {
    return this.log.seq;
  }

  /**
   * The whole board as the store has it, for a join's answer: read in the room's queue,
   * after every batch before it was appended (with Redis, a batch is applied before its
   * append returns), so a joiner is never sent what the store does not have (R11).
   */
  async storedState(): Promise<Uint8Array> {
    let state: Uint8Array | null = null;
    await this.enqueue(async () => {
      state = this.whole.asUpdate();
    });
    return state ?? this.whole.asUpdate();
  }

  /** Waits for pending changes and compacts: called before the room leaves memory. */
  async flush(): Promise<void> {
    this.updates.hurry();
    this.remote.hurry();
    await this.enqueue(() => this.compactor.compact());
  }

  /** `participantId`: only that person's connections (they deleted their data). */
  closeAll(code: number, reason: string, participantId?: string): void {
    for (const peer of [...this.peers]) {
      if (participantId !== undefined && peer.actor.participantId !== participantId) continue;
      this.removePeer(peer);
      peer.close(code, reason);
    }
  }

  destroy(): void {
    this.closed = true;
    this.compactor.destroy();
    this.stopAwarenessRelay?.();
    this.awareness.destroy();
    this.batches.destroy();
    this.gate.destroy();
    this.doc.destroy();
  }
}

import * as Y from 'yjs';
import { TIMING } from '@twinspace/shared';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import { DEFAULT_DOC_LIMITS, type DocLimits } from './limits.ts';
import { Room } from './room.ts';
import type { Peer, RoomHooks } from './types.ts';

export class UnknownBoardError extends Error {}

/**
 * Boards load on first use and leave memory when nobody has been connected for a
 * grace period. Concurrent first uses share one load.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribers = new Map<Room, () => void>();

  constructor(
    private readonly store: Store,
    private readonly hooks: RoomHooks,
    private readonly log: Logger,
    /** How long an empty board stays loaded (tests shorten it). */
    private readonly unloadGraceMs: number = TIMING.roomUnloadGraceMs,
    private readonly limits: DocLimits = DEFAULT_DOC_LIMITS,
  ) {}

  get loaded(): number {
    return this.rooms.size;
  }

  peek(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  async acquire(code: string): Promise<Room> {
    const room = this.rooms.get(code);
    if (room && !room.broken) return room;
    if (room) this.evict(room);
    let pending = this.loading.get(code);
    if (!pending) {
      pending = this.load(code).finally(() => this.loading.delete(code));
      this.loading.set(code, pending);
    }
    const loaded = await pending;
    this.scheduleUnload(loaded);
    return loaded;
  }

  async attach(code: string, peer: Peer): Promise<Room> {
    const room = await this.acquire(code);
    this.cancelUnload(code);
    room.addPeer(peer);
    return room;
  }

  detach(room: Room, peer: Peer): void {
    room.removePeer(peer);
    if (room.broken) this.evict(room);
    else this.scheduleUnload(room);
  }

  /** Runs `fn` on the board's room, loading it if needed (HTTP and commands). */
  async with<T>(code: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(code);
    try {
      return await fn(room);
    } finally {
      this.scheduleUnload(room);
    }
  }

  private async load(code: string): Promise<Room> {
    const started = performance.now();
    const board = await this.store.getBoard(code);
    if (!board) throw new UnknownBoardError(code);
    const stored = await this.store.loadDoc(code);
    const doc = new Y.Doc();
    let bytes = 0;
    doc.transact(() => {
      for (const update of stored.snapshot
        ? [stored.snapshot, ...stored.updates]
        : stored.updates) {
        bytes += update.byteLength;
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          // One unreadable entry must not make the whole board unreadable.
          this.log.error({ code, error }, 'skipping an update that does not apply');
        }
      }
    });
    // The server writes with its own clientID: it must not be one a client already used.
    while (doc.store.clients.has(doc.clientID)) doc.clientID = Math.floor(Math.random() * 2 ** 31);
    const room = new Room(
      code,
      board.kind,
      doc,
      this.store,
      this.hooks,
      stored.lastSeq,
      this.limits,
      bytes,
      board.createdAt,
    );
    this.rooms.set(code, room);
    const unsubscribe = this.store.subscribe?.(
      code,
      stored.lastSeq,
      (update, seq) => void room.applyRemote(update, seq),
    );
    if (unsubscribe) this.unsubscribers.set(room, unsubscribe);
    this.hooks.onLoad({ code, kind: board.kind, ms: performance.now() - started, bytes });
    return room;
  }

  private scheduleUnload(room: Room): void {
    if (room.size > 0 || this.unloadTimers.has(room.code)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.code);
      if (room.size === 0) void this.unload(room);
    }, this.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(room.code, timer);
  }

  private cancelUnload(code: string): void {
    const timer = this.unloadTimers.get(code);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(code);
  }

  private async unload(room: Room): Promise<void> {
    try {
      await room.flush();
    } catch (error) {
      this.log.error({ code: room.code, error }, 'compaction before unload failed');
    }
    if (room.size > 0 || this.rooms.get(room.code) !== room) return;
    this.evict(room);
  }

  private evict(room: Room): void {
    this.cancelUnload(room.code);
    if (this.rooms.get(room.code) === room) this.rooms.delete(room.code);
    this.unsubscribers.get(room)?.();
    this.unsubscribers.delete(room);
    room.destroy();
    this.hooks.onUnload({ code: room.code });
  }

  /**
   * The board was deleted (rooms/removal.ts): its connections on this process are closed
   * with `closeCode`, and its room leaves memory at once, without a last compaction.
   */
  drop(code: string, closeCode: number, reason: string): void {
    const room = this.rooms.get(code);
    if (!room) return;
    room.closeAll(closeCode, reason);
    this.evict(room);
  }

  /** Shutdown: closes every connection (`code` tells clients why), then stores what is queued. */
  async closeAll(code = 1001): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, 'server shutting down');
      await room.flush().catch(() => undefined);
      this.evict(room);
    }
  }
}

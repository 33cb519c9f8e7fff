import * as Y from 'yjs';
import { TIMING } from '@twinspace/shared';
import type { Store } from '../store/types.ts';
import type { LogPosition } from './logPosition.ts';
import type { RoomHooks } from './types.ts';

/**
 * When a board's log is folded into a snapshot, and how big its stored form is (SPEC R17).
 * After compactAfterUpdates batches, or compactAfterMs after the first one, a compaction is
 * queued in the room's queue, so the document it encodes equals what the store holds.
 */
export class Compactor {
  private uncompacted = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Bytes the board's stored form holds: snapshot plus log. */
  private stored: number;

  constructor(
    private readonly code: string,
    private readonly doc: Y.Doc,
    private readonly store: Store,
    private readonly log: LogPosition,
    private readonly hooks: RoomHooks,
    /** Runs a task in the room's queue. */
    private readonly enqueue: (task: () => Promise<void>) => Promise<void>,
    loadedBytes: number,
  ) {
    this.stored = loadedBytes;
  }

  get storedBytes(): number {
    return this.stored;
  }

  /**
   * An append of `bytes` landed at `seq`. The log position is what compaction may drop from
   * the log, so it must cover a gap-free prefix of the log this document contains. With
   * several processes on one log (a store with subscribe), this append can be seq 10 while
   * seq 9 from another process is not applied here yet: then the position follows only the
   * subscription, which delivers every entry in order, this process's own included.
   */
  noteStored(seq: number, bytes: number): void {
    this.stored += bytes;
    if (!this.store.subscribe) this.log.advance(seq);
    this.uncompacted++;
    if (this.uncompacted >= TIMING.compactAfterUpdates) {
      void this.enqueue(() => this.compact());
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        void this.enqueue(() => this.compact());
      }, TIMING.compactAfterMs);
    }
  }

  /** Folds the log into a snapshot; must run in the room's queue. */
  async compact(): Promise<void> {
    if (this.uncompacted === 0) return;
    const started = performance.now();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.code, snapshot, this.log.seq);
    this.uncompacted = 0;
    this.stored = snapshot.byteLength;
    this.hooks.onCompacted({
      code: this.code,
      bytes: snapshot.byteLength,
      ms: performance.now() - started,
    });
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

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
  /** Scale-out: entries of other processes counted since the stored form was last measured. */
  private remote = 0;
  /** Scale-out: this process's appends not yet delivered back by the log's subscription. */
  private readonly own: number[] = [];
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
    if (this.store.subscribe) this.own.push(seq);
    else this.log.advance(seq);
    this.uncompacted++;
    if (this.uncompacted >= TIMING.compactAfterUpdates) {
      void this.enqueue(() => this.compact());
    } else this.later();
  }

  /**
   * Scale-out: an entry of the board's log as the subscription delivers it (in order, this
   * process's own included; `gap`: the snapshot that replaced entries trimmed before they were
   * read). Another process's entry grows the stored form as much as one of ours: counted, so
   * that two processes do not each let the board grow to the limit (SPEC R17). Its writer
   * compacts the log; here the count is measured again from the document (`compact`).
   */
  noteEntry(seq: number, bytes: number, gap: boolean): void {
    while (this.own.length > 0 && this.own[0]! < seq) this.own.shift();
    if (this.own[0] === seq) {
      this.own.shift();
      return;
    }
    this.stored = gap ? bytes : this.stored + bytes;
    this.remote++;
    this.later();
  }

  private later(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.compact());
    }, TIMING.compactAfterMs);
  }

  /** Folds the log into a snapshot; must run in the room's queue. */
  async compact(): Promise<void> {
    if (this.uncompacted === 0) {
      // Only other processes wrote since: they compact; the count follows what it would hold.
      if (this.remote > 0) this.stored = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.remote = 0;
      return;
    }
    const started = performance.now();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.code, snapshot, this.log.seq);
    this.uncompacted = 0;
    this.remote = 0;
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

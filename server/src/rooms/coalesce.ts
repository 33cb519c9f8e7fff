/**
 * Collects what arrives for one room while its previous batch is being handled, so the
 * room still judges each item alone but stores and relays them together: at 800 edits/s
 * into a room of 300, one frame per peer per batch instead of one per edit is what keeps
 * the socket writes from eating the server (docs/performance.md, "Capacity").
 *
 * No delay is added when the room is idle: the first item after a quiet turn of the event
 * loop starts a batch at once (a microtask). Once a batch has started, the room stays warm
 * until the check phase of this turn (setImmediate), that is until the poll phase has
 * handed over what every socket sent: what arrives meanwhile, or while a batch awaits the
 * store, goes out as the next batch.
 */
export class Coalescer<T> {
  private pending: T[] = [];
  private scheduled = false;
  private warm = false;
  private deferred: NodeJS.Immediate | null = null;

  constructor(
    /** Puts a task in the room's queue (so batches stay in order with every other change). */
    private readonly enqueue: (task: () => Promise<void>) => void,
    private readonly handle: (batch: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.warm) this.deferred = setImmediate(this.start);
    else this.start();
  }

  /** Queues a held batch now (before the room flushes and leaves memory). */
  hurry(): void {
    if (!this.deferred) return;
    clearImmediate(this.deferred);
    this.start();
  }

  /** Everything still waiting (a room that closed before running it). */
  takeAll(): T[] {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    return batch;
  }

  private readonly start = (): void => {
    this.deferred = null;
    this.enqueue(async () => {
      // Taken when the task runs, not when it was queued: what came in while an earlier
      // task awaited the store joins this batch.
      const batch = this.takeAll();
      if (!this.warm) {
        this.warm = true;
        setImmediate(this.cool);
      }
      await this.handle(batch);
    });
  };

  private readonly cool = (): void => {
    this.warm = false;
  };
}

import { TIMING } from '@twinspace/shared';

/**
 * How far into a board's log this process's document goes (scale-out). Compaction may drop
 * the log up to here, so it must cover a gap-free prefix this document contains; and a
 * decision under the board's cross-process mutex first waits until the document has caught
 * up with the log head (Arbiter), so that it sees every earlier change, whichever process
 * accepted it.
 */
export class LogPosition {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly code: string,
    private position: number,
  ) {}

  get seq(): number {
    return this.position;
  }

  /** The document now contains the log up to `seq` (never moves back). */
  advance(seq: number): void {
    this.position = Math.max(this.position, seq);
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves once the document contains the log up to `head`; fails after catchUpMs. */
  caughtUp(head: number): Promise<void> {
    if (this.position >= head) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`could not catch up with the log of ${this.code}`));
      }, TIMING.catchUpMs);
      const waiter = (): void => {
        if (this.position < head) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }
}

import type * as Y from 'yjs';
import { NotStoredError } from './notStored.ts';

type Exclusive = <T>(code: string, fn: (head: number) => Promise<T>) => Promise<T>;
type Change = (doc: Y.Doc) => void;

interface Waiting {
  task: () => Promise<void>;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Scale-out: decisions that must see every earlier change of the board, whichever process
 * took it (two votes against one budget), run while this process holds the board's
 * cross-process mutex and has caught up with the log head. Taking the mutex costs a few
 * Redis round trips, and one at a time is all one board gets: so every decision waiting in
 * this process goes in under ONE acquisition, each in its own transaction of one batch
 * (each still sees the ones before it). A vote storm of 300 phones takes the mutex a few
 * times per second instead of 1,500 times in ten seconds.
 */
export class Arbiter {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly code: string,
    private readonly exclusive: Exclusive,
    private readonly caughtUp: (head: number) => Promise<void>,
    private readonly write: (change: Change) => Promise<void>,
  ) {}

  /** A server decision: `change` is written in a batch of the hold. */
  run(change: Change): Promise<void> {
    return this.runTask(() => this.write(change));
  }

  /**
   * Anything that must be decided under the hold (a client update judged on a count, R41):
   * `task` is started in the hold, in the order of the calls, and settles once stored.
   */
  runTask(task: () => Promise<void>): Promise<void> {
    return new Promise((done, fail) => {
      this.waiting.push({ task, done, fail });
      void this.loop();
    });
  }

  private async loop(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          // Each decision hears whether its own write was stored (Room.writeAsServer).
          const outcomes = await this.exclusive(this.code, async (head) => {
            await this.caughtUp(head);
            return Promise.allSettled(batch.map((w) => w.task()));
          });
          batch.forEach((w, i) => {
            const outcome = outcomes[i];
            if (outcome?.status === 'fulfilled') w.done();
            else w.fail(outcome?.reason);
          });
        } catch (error) {
          // The mutex not had, or Redis out of reach: no task of the batch ran or was stored.
          const failure =
            error instanceof NotStoredError
              ? error
              : new NotStoredError(this.code, { cause: error });
          for (const w of batch) w.fail(failure);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

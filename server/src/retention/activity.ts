import type { Logger } from '../log.ts';
import type { PartialHooks } from '../rooms/types.ts';
import type { Store } from '../store/types.ts';

/** A board's last activity is written at most this often (retention counts in days). */
const ACTIVITY_WRITE_EVERY_MS = 3_600_000;

/**
 * A board's last activity, for retention: any change of its content (a participant's edit,
 * a command's decision, a new participant), whichever process relayed it. Written to the
 * store at most once an hour per board and process, never per keystroke; a visit that
 * changes nothing is no activity, so a facilitator opening the console sees the warning.
 */
export class ActivityTracker {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Room hooks: every relayed change notes activity; a board that leaves memory is forgotten. */
  readonly hooks: PartialHooks = {
    onRelayed: ({ code }) => this.note(code),
    onUnload: ({ code }) => void this.written.delete(code),
  };

  note(code: string): void {
    const now = this.now();
    const last = this.written.get(code);
    if (last !== undefined && now - last < ACTIVITY_WRITE_EVERY_MS) return;
    this.written.set(code, now);
    this.store.touchBoard(code, now).catch((error: unknown) => {
      this.written.delete(code); // try again with the next change
      this.log.warn({ code, error: String(error) }, 'could not record activity');
    });
  }

  /** The facilitator asked to keep the board: it counts as activity now. */
  async keep(code: string): Promise<void> {
    const now = this.now();
    await this.store.touchBoard(code, now);
    this.written.set(code, now);
  }
}

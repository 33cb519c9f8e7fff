import { Histogram } from '../lib/histogram.ts';
import type { EditTally } from '../lib/plan.ts';
import { nowMs, type Marker } from '../lib/markers.ts';

/** What one generator process saw, across all its clients. */
export class Tally {
  latency = new Histogram();
  readonly synced = new Histogram();
  readonly edits = new Map<string, EditTally>();
  /**
   * Only edits sent after the warm-up count (the first edits pay for JIT compilation in
   * every process; a server in production is warm). Bytes are counted from then on too.
   */
  measuring = false;
  measureFrom = Infinity;
  bytes = 0;

  /** A new measurement (the next step of a stepped scenario) on the same connections. */
  reset(): void {
    this.latency = new Histogram();
    this.edits.clear();
    this.measuring = false;
    this.bytes = 0;
  }
}

/**
 * One client's view: counts each marker once. For document edits every marker must
 * arrive (strict). Awareness is latest-state-wins and a server may coalesce, so a newer
 * state from a sender also accounts for the ones it superseded (supersede).
 */
export class Receiver {
  received = 0;
  private readonly last = new Map<string, number>();

  constructor(
    readonly self: string,
    readonly room: string,
    private readonly tally: Tally,
    private readonly supersede: boolean,
  ) {}

  see(m: Marker): void {
    if (m.sender === this.self) return;
    const last = this.last.get(m.sender) ?? 0;
    if (m.seq <= last) return;
    if (m.sentAt < this.tally.measureFrom) {
      this.last.set(m.sender, m.seq);
      return;
    }
    this.received += this.supersede ? m.seq - last : 1;
    this.last.set(m.sender, m.seq);
    const ms = nowMs() - m.sentAt;
    this.tally.latency.record(ms);
    const key = `${m.sender}:${m.seq}`;
    const t = this.tally.edits.get(key);
    if (t) {
      t.count++;
      t.max = Math.max(t.max, ms);
    } else this.tally.edits.set(key, { count: 1, max: ms });
  }
}

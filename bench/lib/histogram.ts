/**
 * A latency histogram in 0.1 ms buckets up to 30 s (plus an exact max), small enough to
 * send from every generator process to the coordinator and merge there.
 */
const BUCKET_MS = 0.1;
const BUCKETS = 300_000;

export interface HistogramData {
  counts: Record<number, number>;
  total: number;
  max: number;
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  total = 0;
  max = 0;

  record(ms: number): void {
    const v = Math.max(0, ms);
    this.counts[Math.min(BUCKETS - 1, Math.floor(v / BUCKET_MS))]!++;
    this.total++;
    if (v > this.max) this.max = v;
  }

  /** Sparse form for IPC. */
  toData(): HistogramData {
    const counts: Record<number, number> = {};
    this.counts.forEach((c, i) => {
      if (c > 0) counts[i] = c;
    });
    return { counts, total: this.total, max: this.max };
  }

  merge(data: HistogramData): void {
    for (const [i, c] of Object.entries(data.counts)) this.counts[Number(i)]! += c;
    this.total += data.total;
    this.max = Math.max(this.max, data.max);
  }

  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      // Upper edge of the bucket, capped by the true max: never reports better than seen.
      if (seen >= rank) return Math.min((i + 1) * BUCKET_MS, this.max);
    }
    return this.max;
  }
}

/**
 * A token bucket per key (the client's address) that only failures drain: room codes
 * are short, so guessing them must be slow, but 200 phones behind one venue NAT that
 * join with the right code must never be throttled. Buckets refill continuously.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** May this key try now? */
  allowed(key: string): boolean {
    return this.refill(key).tokens >= 1;
  }

  /** Records a failed attempt (an unknown code, a wrong token). */
  fail(key: string): void {
    const b = this.refill(key);
    b.tokens = Math.max(0, b.tokens - 1);
  }

  private refill(key: string): { tokens: number; at: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) * this.perMinute) / 60_000);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(t);
    return b;
  }

  private sweep(t: number): void {
    const full = (this.burst * 60_000) / this.perMinute;
    for (const [key, b] of this.buckets) if (t - b.at > full) this.buckets.delete(key);
  }
}

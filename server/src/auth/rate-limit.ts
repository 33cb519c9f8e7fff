/**
 * A token bucket per key (the client's address): room codes are short, so guessing
 * them must be slow. Buckets refill continuously; idle ones are swept.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) * this.perMinute) / 60_000);
    b.at = t;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(t);
    return ok;
  }

  private sweep(t: number): void {
    const full = (this.burst * 60_000) / this.perMinute;
    for (const [key, b] of this.buckets) if (t - b.at > full) this.buckets.delete(key);
  }
}

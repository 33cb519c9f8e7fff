/**
 * Counts refusals per peer over a sliding minute: past the limit the room closes that
 * peer (SPEC R12). Honest clients are refused rarely (a phase change racing an edit);
 * a hostile one sending refused updates in a loop is cut off before it costs the room.
 */
export class PeerStrikes {
  private readonly times = new Map<object, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Records a refusal; true when the peer is over its budget. */
  strike(peer: object, now = Date.now()): boolean {
    const recent = (this.times.get(peer) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    this.times.set(peer, recent);
    return recent.length > this.perMinute;
  }

  forget(peer: object): void {
    this.times.delete(peer);
  }
}

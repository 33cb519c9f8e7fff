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

/**
 * The room's time each peer's requests took (answers to sync step 1), per minute: past the
 * budget the room closes that peer (SPEC R12). Judged by what an answer costs, not by how
 * many were asked: an honest client asks after every burst of edits, and once per edit when
 * it replays them after a refusal (client/src/sync/editLog.ts), each answer a small diff; a
 * hostile one asks for the whole board over and over with a made-up state vector.
 */
export class PeerCost {
  private readonly spent = new Map<object, { since: number; ms: number }>();

  constructor(private readonly msPerMinute: number) {}

  /** Records `ms` spent for `peer`; true when the peer is over its budget this minute. */
  charge(peer: object, ms: number, now = Date.now()): boolean {
    let window = this.spent.get(peer);
    if (!window || now - window.since >= 60_000)
      this.spent.set(peer, (window = { since: now, ms: 0 }));
    window.ms += ms;
    return window.ms > this.msPerMinute;
  }

  forget(peer: object): void {
    this.spent.delete(peer);
  }
}

/**
 * The Yjs sockets of this process by the facilitator link they joined with, so that a
 * revoked link's sockets close at once (docs/team.md). Socket.IO's are found through its
 * rooms instead (realtime/socketio.ts), across processes by its adapter.
 */
export class LinkSockets {
  private readonly byLink = new Map<string, Set<() => void>>();

  /** Registers a socket's close; returns what forgets it (call on close). */
  add(code: string, linkId: string, close: () => void): () => void {
    const key = `${code}:${linkId}`;
    const set = this.byLink.get(key) ?? new Set<() => void>();
    this.byLink.set(key, set);
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0 && this.byLink.get(key) === set) this.byLink.delete(key);
    };
  }

  /** Closes every socket of the link on this process; how many there were. */
  close(code: string, linkId: string): number {
    const set = this.byLink.get(`${code}:${linkId}`);
    if (!set) return 0;
    const closers = [...set];
    for (const close of closers) close();
    return closers.length;
  }
}

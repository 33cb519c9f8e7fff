import type { Redis } from 'ioredis';

/**
 * Awareness (cursors, "who is typing" of standard y-websocket clients) between processes:
 * Redis pub/sub, one channel per board, bytes as they are. It is not stored: a process
 * that misses a message catches up with the client's next renewal (every 15 s).
 */
export class AwarenessRelay {
  private readonly handlers = new Map<string, Set<(update: Uint8Array) => void>>();

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly channel: (code: string) => string,
    private readonly onError: (error: unknown) => void,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const code = this.codes.get(channel.toString());
      if (!code) return;
      for (const handler of this.handlers.get(code) ?? []) handler(new Uint8Array(message));
    });
  }

  private readonly codes = new Map<string, string>();

  publish(code: string, update: Uint8Array): void {
    const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    this.pub.publish(this.channel(code), bytes).catch(this.onError);
  }

  subscribe(code: string, handler: (update: Uint8Array) => void): () => void {
    let set = this.handlers.get(code);
    if (!set) {
      set = new Set();
      this.handlers.set(code, set);
      this.codes.set(this.channel(code), code);
      this.sub.subscribe(this.channel(code)).catch(this.onError);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size > 0) return;
      this.handlers.delete(code);
      this.codes.delete(this.channel(code));
      this.sub.unsubscribe(this.channel(code)).catch(this.onError);
    };
  }

  close(): void {
    this.sub.disconnect();
  }
}

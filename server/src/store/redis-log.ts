import { setTimeout as pause } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { TIMING } from '@twinspace/shared';

/** Entries per XREAD; a reader that fell behind catches up in batches of this size. */
const READ_COUNT = 500;

export interface LogKeys {
  log(code: string): string;
  snapshot(code: string): string;
}

interface Subscription {
  code: string;
  /** The last sequence number delivered (or loaded) by this subscriber. */
  after: number;
  onUpdate: (update: Uint8Array, seq: number) => void;
}

type StreamEntry = [id: Buffer, fields: Buffer[]];
type XReadReply = [key: Buffer, entries: StreamEntry[]][] | null;

export const seqOf = (id: Buffer | string): number => Number(String(id).split('-', 1)[0]);

/** Copies out of ioredis' receive buffer, so a kept update does not pin a large slab. */
const bytesOf = (fields: Buffer[]): Uint8Array | null => {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (String(fields[i]) === 'u') return new Uint8Array(fields[i + 1]!);
  }
  return null;
};

/**
 * Every board log this process has loaded, followed on ONE blocking connection: a single
 * XREAD over all the boards' streams, issued again as soon as it returns. Entries are
 * delivered in log order, this process's own included, and each subscriber resumes from
 * the last sequence number it saw after a reconnect. A gap (entries trimmed by another
 * process's compaction before they were read) is filled from the snapshot that replaced them.
 */
export class LogReader {
  private readonly subs = new Set<Subscription>();
  private closed = false;
  private readerId: number | null = null;
  private inflight: object | null = null;
  private wake: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly reader: Redis,
    private readonly control: Redis,
    private readonly keys: LogKeys,
    private readonly onError: (error: unknown) => void,
  ) {
    reader.on('ready', () => (this.readerId = null));
    this.done = this.run();
  }

  subscribe(code: string, afterSeq: number, onUpdate: Subscription['onUpdate']): () => void {
    const sub: Subscription = { code, after: afterSeq, onUpdate };
    this.subs.add(sub);
    this.wake?.();
    void this.interrupt();
    return () => void this.subs.delete(sub);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    this.reader.disconnect();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      if (this.subs.size === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      try {
        await this.readOnce();
        failures = 0;
      } catch (error) {
        if (this.closed) return;
        this.onError(error);
        failures++;
        await pause(Math.min(50 * 2 ** failures, 1_000)); // back off while Redis is away
      }
    }
  }

  private async readOnce(): Promise<void> {
    this.readerId ??= await this.reader.client('ID');
    const cursors = new Map<string, number>();
    for (const s of this.subs)
      cursors.set(s.code, Math.min(cursors.get(s.code) ?? Infinity, s.after));
    const codes = [...cursors.keys()];
    const token = {};
    this.inflight = token;
    let reply: XReadReply;
    try {
      reply = await this.reader.xreadBuffer(
        'COUNT',
        READ_COUNT,
        'BLOCK',
        TIMING.redisLogBlockMs,
        'STREAMS',
        ...codes.map((c) => this.keys.log(c)),
        ...codes.map((c) => `${cursors.get(c)}-0`),
      );
    } finally {
      this.inflight = null;
    }
    for (const [key, entries] of reply ?? []) {
      const code = codes.find((c) => this.keys.log(c) === String(key));
      if (code !== undefined) await this.deliver(code, cursors.get(code) ?? 0, entries);
    }
  }

  private async deliver(code: string, cursor: number, entries: StreamEntry[]): Promise<void> {
    const first = entries[0];
    if (!first) return;
    // A subscriber that arrived during the read, further back, gets its own next read.
    const subs = [...this.subs].filter((s) => s.code === code && s.after >= cursor);
    if (subs.some((s) => seqOf(first[0]) > s.after + 1)) await this.fillGap(code, subs);
    for (const [id, fields] of entries) {
      const seq = seqOf(id);
      const update = bytesOf(fields);
      for (const s of subs) {
        if (seq <= s.after || !this.subs.has(s)) continue;
        s.after = seq;
        if (update) s.onUpdate(update, seq);
      }
    }
  }

  /** Entries after a subscriber's cursor were trimmed: the snapshot holds all of them. */
  private async fillGap(code: string, subs: Subscription[]): Promise<void> {
    const [data, seqText] = await this.control.hmgetBuffer(this.keys.snapshot(code), 'data', 'seq');
    if (!data || !seqText) return;
    const seq = seqOf(seqText);
    for (const s of subs) {
      if (seq <= s.after || !this.subs.has(s)) continue;
      s.after = seq;
      s.onUpdate(new Uint8Array(data), seq);
    }
  }

  /**
   * A new board must join the read that is blocked right now, not the next one. CLIENT
   * UNBLOCK ends it early; it is retried briefly because the read may not have reached
   * Redis yet (then the block timeout is the upper bound).
   */
  private async interrupt(): Promise<void> {
    const read = this.inflight;
    for (let attempt = 0; attempt < 20 && read && this.inflight === read; attempt++) {
      const id = this.readerId;
      if (id === null) return;
      const unblocked = await this.control.client('UNBLOCK', id).catch(() => 0);
      if (unblocked === 1) return;
      await pause(5);
    }
  }
}

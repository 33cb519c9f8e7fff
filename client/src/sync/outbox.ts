import type { Command, CommandResult, KeyedCommand } from '@twinspace/shared/protocol';
import { readStoredJson, writeStored, writeStoredJson } from './storage.ts';

export interface OutboxEntry {
  key: string;
  cmd: Command;
  at: number;
}

export interface OutboxTransport {
  /** Joined over a connected control socket: commands can be answered now. */
  ready(): boolean;
  send(cmd: KeyedCommand): Promise<CommandResult | 'timeout'>;
  /** What waits, oldest first (for the screen: the count, and each view's own, e.g. a dot). */
  pending(commands: readonly Command[]): void;
  /** A command nobody on this page awaits (made before a reload) was refused: say why. */
  refused(reason: string): void;
}

function isEntries(value: unknown): value is OutboxEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as OutboxEntry).key === 'string' &&
        typeof (e as OutboxEntry).cmd === 'object',
    )
  );
}

/**
 * A command that got no answer in time (a latency spike on a link that stays up) is sent
 * again after this, with its key: nothing else may come to flush it while the socket stays
 * connected, and the late answer is gone (Socket.IO drops an ack after its timeout).
 */
const RETRY_MS = 3_000;

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A device's commands, kept (localStorage) until the server answered each: made offline,
 * or sent and not acknowledged (a lost ack, a reconnect to another process), they are sent
 * again, in order, with the same idempotency key, so the server applies each at most once
 * (server/src/rooms/idempotency.ts). Each ends applied, or refused with a toast saying why.
 */
export class Outbox {
  private entries: OutboxEntry[];
  private readonly waiters = new Map<string, (result: CommandResult) => void>();
  private flushing = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly storageKey: string,
    private readonly transport: OutboxTransport,
  ) {
    this.entries = readStoredJson(storageKey, isEntries) ?? [];
    this.publish();
  }

  get size(): number {
    return this.entries.length;
  }

  /** Resolves with the server's answer, however long that takes (offline: until back). */
  submit(cmd: Command): Promise<CommandResult> {
    const entry: OutboxEntry = { key: newKey(), cmd, at: Date.now() };
    this.entries.push(entry);
    this.save();
    const answer = new Promise<CommandResult>((resolve) => this.waiters.set(entry.key, resolve));
    void this.flush();
    return answer;
  }

  /** Sends what waits, in order, while the transport is ready; stops at the first timeout. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.entries.length > 0 && this.transport.ready()) {
        const entry = this.entries[0]!;
        const result = await this.transport.send({ ...entry.cmd, key: entry.key });
        // No answer, or answered before this socket had joined: keep it, send it again later
        // (after a join, or soon when the socket looks connected: the answer may be late).
        // The server could not store it (Redis or its store away): nothing was done; again soon.
        if (result === 'timeout' || (result.type === 'refused' && result.reason === 'not-stored')) {
          clearTimeout(this.retry);
          this.retry = setTimeout(() => void this.flush(), RETRY_MS);
          break;
        }
        if (result.type === 'refused' && result.reason === 'not-joined') break;
        this.entries.shift();
        this.save();
        this.settle(entry, result);
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The board is gone or left: nothing of it stays. */
  forget(): void {
    clearTimeout(this.retry);
    this.entries = [];
    writeStored(this.storageKey, null);
    this.publish();
  }

  private settle(entry: OutboxEntry, result: CommandResult): void {
    const waiter = this.waiters.get(entry.key);
    this.waiters.delete(entry.key);
    // Someone on this page awaits it and shows the outcome; a command from before a reload
    // has nobody waiting: its refusal is shown here, in the reader's language.
    if (waiter) return waiter(result);
    if (result.type === 'refused') this.transport.refused(result.reason);
  }

  private save(): void {
    if (this.entries.length === 0) writeStored(this.storageKey, null);
    else writeStoredJson(this.storageKey, this.entries);
    this.publish();
  }

  private publish(): void {
    this.transport.pending(this.entries.map((e) => e.cmd));
  }
}

import {
  EV,
  type Command,
  type CommandResult,
  type KeyedCommand,
} from '@twinspace/shared/protocol';
import { connectionActions } from '../state/connectionStore.ts';
import { toast } from '../state/toastStore.ts';
import type { Outbox } from './outbox.ts';
import type { TwinSocket } from './socket.ts';
import { loadChunk } from './chunks.ts';

const COMMAND_TIMEOUT_MS = 10_000;

/** Commands that only read (they change nothing): never queued in the outbox. */
const QUERIES: ReadonlySet<Command['type']> = new Set([
  'os-my-ballot',
  'os-preview-schedule',
  'poll-mine',
  'qa-private',
  'mod-list',
]);

/** What the channel needs of its session: the control socket, and whether it has joined. */
interface CommandLink {
  socket(): TwinSocket | null;
  joined(): boolean;
}

/**
 * A session's commands: queries go straight out; everything else goes through the outbox
 * (loaded on first use), which keeps it on the device with an idempotency key until the
 * server has answered, so a dot tapped offline is sent on reconnect and counted once.
 */
export class CommandChannel {
  private outbox: Promise<Outbox> | null = null;

  constructor(
    private readonly key: string,
    private readonly link: CommandLink,
  ) {}

  async run(cmd: Command): Promise<CommandResult | 'timeout'> {
    // Queries (they change nothing) are never queued.
    if (QUERIES.has(cmd.type)) return this.send(cmd);
    return (await this.getOutbox()).submit(cmd);
  }

  /** Loads what waits from an earlier visit, so the screen shows it as pending. */
  load(): void {
    void this.getOutbox();
  }

  /** After a join: whatever waited goes out now. */
  flush(): void {
    void this.getOutbox().then((outbox) => outbox.flush());
  }

  private getOutbox(): Promise<Outbox> {
    this.outbox ??= loadChunk(() => import('./outbox.ts')).then(
      ({ Outbox }) =>
        new Outbox(this.key, {
          ready: () => this.link.joined() && this.link.socket()?.connected === true,
          send: (cmd) => this.send(cmd),
          pending: (commands) => connectionActions().setPending(commands),
          refused: (reason) => toast({ kind: 'command', reason, tone: 'warning' }),
        }),
    );
    return this.outbox;
  }

  private async send(cmd: KeyedCommand): Promise<CommandResult | 'timeout'> {
    const socket = this.link.socket();
    if (!socket) return 'timeout';
    try {
      // Socket.IO types a timed ack as `any`: the event map says what it is.
      return (await socket
        .timeout(COMMAND_TIMEOUT_MS)
        .emitWithAck(EV.command, cmd)) as CommandResult;
    } catch {
      return 'timeout';
    }
  }
}

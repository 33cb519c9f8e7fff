import type * as Y from 'yjs';
import type {
  BoardKind,
  Command,
  CommandData,
  CommandResult,
  RefusalReason,
} from '@twinspace/shared';
import type { Session } from './join.ts';
import type { Room } from './room.ts';

/**
 * What the room layer asks of a board kind, and what it gives it: the contract between
 * rooms/commands.ts (the dispatcher) and server/src/boards/ (the kinds and features). The
 * boards import it; the room layer never imports the boards: it is handed their registry at
 * start-up (app.ts), so the dependency runs one way.
 */
export interface BoardCommandContext {
  room: Room;
  session: Session;
  /** The server's clock: timers and deadlines are derived from it, never a device's. */
  now: number;
  /** A named secret shared by every server process (Store.secret), e.g. to seal hidden ballots. */
  secret: (name: string) => Promise<string>;
  /** A person's name as the store keeps it (never in the document of an anonymous board). */
  nameOf: (participantId: string) => Promise<string | undefined>;
}

/** The commands by their `type`. */
export type CommandMap = { [T in Command['type']]: Extract<Command, { type: T }> };

/**
 * What a command decides, run by the dispatcher inside Room.writeArbitrated after
 * `checkCommand` passed on the same caught-up document: it sees every earlier change on
 * every process, and nothing slips in between its reading and its writing. It must not
 * throw (a throw in the queue drops the room) and should refuse before writing anything.
 */
interface Decision {
  decide(doc: Y.Doc): CommandResult;
  /** What a refusal by `checkCommand` carries back (e.g. the voter's own ballot). */
  refusalData?(doc: Y.Doc): CommandData | undefined;
}

/**
 * One board-specific command (SPEC R9). The dispatcher (rooms/commands.ts) checks it with
 * `checkCommand` before anything of it runs, so a handler never checks role or phase.
 * - `decides`: the command reads then writes the document. The function may do async work
 *   that touches no document (fetch a secret), and returns the Decision to arbitrate.
 * - `reads`: the command only reads (a ballot, a schedule preview); nothing is written.
 */
export type BoardCommandHandler<C extends Command = Command> =
  | { readonly decides: (ctx: BoardCommandContext, cmd: C) => Decision | Promise<Decision> }
  | { readonly reads: (ctx: BoardCommandContext, cmd: C) => Promise<CommandResult> };

/** A table of handlers, each typed by its own command. */
export type BoardCommandHandlers<T extends Command['type'] = Command['type']> = {
  readonly [K in T]: BoardCommandHandler<CommandMap[K]>;
};

/** The board registry as the room layer sees it: each kind's command handlers. */
export type BoardCommandRegistry = Readonly<
  Record<BoardKind, { readonly commands: Partial<BoardCommandHandlers> }>
>;

/** The answers a board command gives. */
export const OK: CommandResult = { type: 'ok' };

export const refused = (
  reason: RefusalReason | 'bad-request',
  message: string,
  data?: Extract<CommandResult, { type: 'ok' }>['data'],
): CommandResult => ({ type: 'refused', reason, message, ...(data ? { data } : {}) });

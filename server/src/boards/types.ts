import type * as Y from 'yjs';
import type { BoardInfo, Command, CommandData, CommandResult } from '@twinspace/shared';
import type { Session } from '../rooms/join.ts';
import type { Room } from '../rooms/room.ts';

export interface BoardCommandContext {
  room: Room;
  session: Session;
  /** The server's clock: timers and deadlines are derived from it, never a device's. */
  now: number;
  /** A named secret shared by every server process (Store.secret), e.g. to seal hidden ballots. */
  secret: (name: string) => Promise<string>;
}

/** The commands by their `type`. */
export type CommandMap = { [T in Command['type']]: Extract<Command, { type: T }> };

/**
 * What a command decides, run by the dispatcher inside Room.writeArbitrated after
 * `checkCommand` passed on the same caught-up document: it sees every earlier change on
 * every process, and nothing slips in between its reading and its writing. It must not
 * throw (a throw in the queue drops the room) and should refuse before writing anything.
 */
export interface Decision {
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

export type ExportFormat = 'md' | 'csv' | 'ics' | 'html';

export interface ExportResult {
  contentType: string;
  filename: string;
  body: string;
}

export interface ExportOptions {
  /** Prefer card translations in this language where they exist. */
  language?: string | undefined;
}

export type Exporter = (room: Room, info: BoardInfo, opts: ExportOptions) => ExportResult;

/** What each board kind adds to the server: its commands and its exports. */
export interface BoardServerModule {
  commands: Partial<BoardCommandHandlers>;
  exports: Partial<Record<ExportFormat, Exporter>>;
}

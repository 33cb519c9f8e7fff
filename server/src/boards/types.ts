import type { BoardInfo, Command, CommandResult } from '@twinspace/shared';
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

/** Runs one board-specific command; the room's queue serialises its document write. */
export type BoardCommandHandler<C extends Command = Command> = (
  ctx: BoardCommandContext,
  cmd: C,
) => Promise<CommandResult>;

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
  commands: Partial<Record<Command['type'], BoardCommandHandler>>;
  exports: Partial<Record<ExportFormat, Exporter>>;
}

import type { BoardInfo } from '@twinspace/shared';
import type { BoardCommandHandlers } from '../rooms/board-api.ts';
import type { Room } from '../rooms/room.ts';

export type {
  BoardCommandContext,
  BoardCommandHandler,
  BoardCommandHandlers,
  CommandMap,
} from '../rooms/board-api.ts';

export type ExportFormat = 'md' | 'csv' | 'ics' | 'html' | 'polls';

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

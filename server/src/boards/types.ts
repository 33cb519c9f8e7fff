import type * as Y from 'yjs';
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

/**
 * Every exported file's name, one pattern for all (they sit side by side in a harvest zip and
 * a downloads folder): `twinspace-<code>-<what>[-<language>].<ext>`, ASCII only.
 */
export const exportFileName = (
  code: string,
  what: string,
  ext: string,
  language?: string,
): string =>
  `twinspace-${code.toLowerCase()}-${what}${language && /^[a-z]{2,3}$/.test(language) ? `-${language}` : ''}.${ext}`;

/**
 * A feature's part of a participant's erasure (SPEC R29), for state the shared rules cannot
 * see into (sealed records): `prepare` gets what it needs (keys), then the change runs inside
 * the room's arbitrated write with the rest of the erasure.
 */
export type Eraser = (
  secret: (name: string) => Promise<string>,
) => Promise<(doc: Y.Doc, participantId: string, choice: 'keep' | 'remove') => void>;

/** What each board kind adds to the server: its commands, its exports, its features' erasers. */
export interface BoardServerModule {
  commands: Partial<BoardCommandHandlers>;
  exports: Partial<Record<ExportFormat, Exporter>>;
  erasers: readonly Eraser[];
}

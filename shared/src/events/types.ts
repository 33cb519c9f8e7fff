import type { BoardKind } from '../boards/common.ts';

/**
 * The events' HTTP contract (docs/events.md): types both sides share; the zod schemas of
 * the requests are in schemas.ts (server only).
 */
export interface CreateEventResponse {
  code: string;
  title: string;
  facilitatorToken: string;
  url: string;
  projectorUrl: string;
  facilitatorUrl: string;
}

export interface EventBoard {
  code: string;
  kind: BoardKind;
  title: string;
  /** The board's phase now (its document's `meta.phase`). */
  phase: string;
}

/** GET /api/events/:code */
export interface EventInfo {
  code: string;
  title: string;
  /** The board the facilitator marked as on now (the event projector shows it), or null. */
  current: string | null;
  boards: EventBoard[];
}

/** One thing on a source board that can be carried forward (GET .../carry?from=). */
export interface CarryItem {
  id: string;
  title: string;
  author: string;
  /** The project or session it belongs to on the source board, if any. */
  group: string;
  /** Asked with a target board (`?to=`): whether that board holds its copy already. */
  carried?: boolean;
}

export interface CarrySource {
  rule: string;
  /** The board kind the rule carries into. */
  into: BoardKind;
  items: CarryItem[];
}

/** POST /api/events/:code/carry: what was copied, and what the target had already. */
export interface CarryResult {
  copied: string[];
  skipped: string[];
}

export const eventPath = (code: string): string => `/e/${code}`;
export const eventProjectorPath = (code: string): string => `/e/${code}/projector`;
export const eventConsolePath = (code: string): string => `/e/${code}/facilitate`;

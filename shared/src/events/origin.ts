/**
 * Where a carried entity came from (issue 16 "one thread from idea to result"): written by
 * the server only, when the facilitator carries content forward from another board of the
 * event (docs/events.md). Kept on the copied entity as its `origin` field.
 */
export interface CarryOrigin {
  /** The author's name on the source board (their name there, not an id). */
  author: string;
  /** The source board's code and its title (the workshop). */
  board: string;
  boardTitle: string;
  /** The source entity's id, for tracing. */
  from: string;
}

/** The field name on every entity kind a carry can create. */
export const ORIGIN_FIELD = 'origin';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads an `origin` field; anything malformed reads as none. */
export function readOrigin(value: unknown): CarryOrigin | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const author = str(v['author']);
  const board = str(v['board']);
  const boardTitle = str(v['boardTitle']);
  const from = str(v['from']);
  if (author === null || board === null || boardTitle === null || from === null) return null;
  return { author, board, boardTitle, from };
}

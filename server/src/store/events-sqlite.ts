import type BetterSqlite3 from 'better-sqlite3';
import type { EventRecord, EventStore } from './events.ts';
import { CodeTakenError } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  code TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
  facilitator_token_hash TEXT NOT NULL, current TEXT
);
CREATE TABLE IF NOT EXISTS event_boards (
  board TEXT PRIMARY KEY, event TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_boards_by_event ON event_boards (event, position);
`;

interface EventRow {
  code: string;
  title: string;
  created_at: number;
  facilitator_token_hash: string;
  current: string | null;
}

/** The events of the embedded store, in the same database file as the boards. */
export function sqliteEvents(db: BetterSqlite3.Database): EventStore {
  db.exec(SCHEMA);
  const q = {
    insert: db.prepare(
      'INSERT INTO events (code, title, created_at, facilitator_token_hash, current) VALUES (?, ?, ?, ?, NULL)',
    ),
    get: db.prepare<[string], EventRow>('SELECT * FROM events WHERE code = ?'),
    addBoard: db.prepare(
      `INSERT OR IGNORE INTO event_boards (board, event, position)
       VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_boards WHERE event = ?))`,
    ),
    boards: db.prepare<[string], { board: string }>(
      'SELECT board FROM event_boards WHERE event = ? ORDER BY position',
    ),
    eventOf: db.prepare<[string], { event: string }>(
      'SELECT event FROM event_boards WHERE board = ?',
    ),
    setCurrent: db.prepare('UPDATE events SET current = ? WHERE code = ?'),
    forgetBoard: db.prepare('DELETE FROM event_boards WHERE board = ?'),
    clearCurrent: db.prepare('UPDATE events SET current = NULL WHERE current = ?'),
    deleteBoards: db.prepare('DELETE FROM event_boards WHERE event = ?'),
    deleteEvent: db.prepare('DELETE FROM events WHERE code = ?'),
  };
  const forget = db.transaction((board: string) => {
    q.forgetBoard.run(board);
    q.clearCurrent.run(board);
  });
  const remove = db.transaction((code: string) => {
    q.deleteBoards.run(code);
    q.deleteEvent.run(code);
  });
  const toEvent = (r: EventRow): EventRecord => ({
    code: r.code,
    title: r.title,
    createdAt: r.created_at,
    facilitatorTokenHash: r.facilitator_token_hash,
    current: r.current,
  });
  return {
    async createEvent(e) {
      try {
        q.insert.run(e.code, e.title, e.createdAt, e.facilitatorTokenHash);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new CodeTakenError(e.code);
        throw err;
      }
    },
    async getEvent(code) {
      const row = q.get.get(code);
      return row ? toEvent(row) : null;
    },
    async addBoard(event, board) {
      q.addBoard.run(board, event, event);
    },
    async boardsOf(event) {
      return q.boards.all(event).map((r) => r.board);
    },
    async eventOf(board) {
      return q.eventOf.get(board)?.event ?? null;
    },
    async setCurrent(event, board) {
      q.setCurrent.run(board, event);
    },
    async forgetBoard(board) {
      forget(board);
    },
    async deleteEvent(code) {
      remove(code);
    },
  };
}

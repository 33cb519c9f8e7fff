import type Database from 'better-sqlite3';
import type { ActivityEntry, LinkRole } from '@twinspace/shared';

/** A named facilitator link as stored: the token only as its sha256 (docs/team.md). */
export interface LinkRecord {
  board: string;
  id: string;
  name: string;
  role: LinkRole;
  tokenHash: string;
  createdAt: number;
  createdBy: string;
}

/**
 * Where the facilitation team lives: named links, the owner's hand-over, and the activity log
 * (bounded). Both stores implement it beside their boards (`Store.team`); deleting a board
 * deletes its team too.
 */
export interface TeamStore {
  /** Adds a link unless the board has `max` already (then false), atomically. */
  addLink(link: LinkRecord, max: number): Promise<boolean>;
  links(board: string): Promise<LinkRecord[]>;
  /** False when the board has no such link. */
  removeLink(board: string, id: string): Promise<boolean>;
  /** The owner handed the board over and gave up their own link: it stops working. */
  retireOwner(board: string): Promise<void>;
  ownerRetired(board: string): Promise<boolean>;
  /** Appends an entry and keeps only the newest `max`. */
  logActivity(board: string, entry: ActivityEntry, max: number): Promise<void>;
  /** The log, newest first. */
  activity(board: string): Promise<ActivityEntry[]>;
  deleteBoard(board: string): Promise<void>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS facilitator_links (
  board TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
  token_hash TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
  PRIMARY KEY (board, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facilitator_activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, board TEXT NOT NULL, entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facilitator_activity_board ON facilitator_activity (board, seq);
CREATE TABLE IF NOT EXISTS retired_owners (board TEXT PRIMARY KEY) WITHOUT ROWID;
`;

interface LinkRow {
  board: string;
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: number;
  created_by: string;
}

const toLink = (r: LinkRow): LinkRecord => ({
  board: r.board,
  id: r.id,
  name: r.name,
  role: r.role as LinkRole,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** The embedded store's team tables, in the board's SQLite database. */
export function sqliteTeamStore(db: Database.Database): TeamStore {
  db.exec(SCHEMA);
  const q = {
    count: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM facilitator_links WHERE board = ?',
    ),
    insert: db.prepare(
      `INSERT INTO facilitator_links (board, id, name, role, token_hash, created_at, created_by)
       VALUES (@board, @id, @name, @role, @tokenHash, @createdAt, @createdBy)`,
    ),
    links: db.prepare<[string], LinkRow>(
      'SELECT * FROM facilitator_links WHERE board = ? ORDER BY created_at, id',
    ),
    remove: db.prepare('DELETE FROM facilitator_links WHERE board = ? AND id = ?'),
    removeAll: db.prepare('DELETE FROM facilitator_links WHERE board = ?'),
    retire: db.prepare('INSERT OR IGNORE INTO retired_owners (board) VALUES (?)'),
    retired: db.prepare<[string], { board: string }>(
      'SELECT board FROM retired_owners WHERE board = ?',
    ),
    unretire: db.prepare('DELETE FROM retired_owners WHERE board = ?'),
    log: db.prepare('INSERT INTO facilitator_activity (board, entry) VALUES (?, ?)'),
    trim: db.prepare(
      `DELETE FROM facilitator_activity WHERE board = ? AND seq <= (
         SELECT seq FROM facilitator_activity WHERE board = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
    ),
    activity: db.prepare<[string], { entry: string }>(
      'SELECT entry FROM facilitator_activity WHERE board = ? ORDER BY seq DESC',
    ),
    removeActivity: db.prepare('DELETE FROM facilitator_activity WHERE board = ?'),
  };
  const addLink = db.transaction((link: LinkRecord, max: number): boolean => {
    if ((q.count.get(link.board)?.n ?? 0) >= max) return false;
    q.insert.run(link);
    return true;
  });
  const logActivity = db.transaction((board: string, entry: string, max: number) => {
    q.log.run(board, entry);
    q.trim.run(board, board, max);
  });
  const deleteBoard = db.transaction((board: string) => {
    q.removeAll.run(board);
    q.removeActivity.run(board);
    q.unretire.run(board);
  });
  return {
    addLink: async (link, max) => addLink(link, max),
    links: async (board) => q.links.all(board).map(toLink),
    removeLink: async (board, id) => q.remove.run(board, id).changes > 0,
    retireOwner: async (board) => void q.retire.run(board),
    ownerRetired: async (board) => q.retired.get(board) !== undefined,
    logActivity: async (board, entry, max) => logActivity(board, JSON.stringify(entry), max),
    activity: async (board) =>
      q.activity.all(board).map((r) => JSON.parse(r.entry) as ActivityEntry),
    deleteBoard: async (board) => deleteBoard(board),
  };
}

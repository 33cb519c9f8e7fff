import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BoardKind } from '@twinspace/shared';
import { sqliteEvents } from './events-sqlite.ts';
import {
  CodeTakenError,
  type BoardRecord,
  type ParticipantRecord,
  type Store,
  type StoredDoc,
} from './types.ts';
import { sqlitePhotos } from './photos-sqlite.ts';
import { sqliteTeamStore } from './team.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  code TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL,
  created_at INTEGER NOT NULL, facilitator_token_hash TEXT NOT NULL,
  snapshot BLOB, last_active_at INTEGER, retention_days INTEGER
);
CREATE TABLE IF NOT EXISTS updates (
  board TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (board, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS participants (
  board TEXT NOT NULL, id TEXT NOT NULL, secret_hash TEXT NOT NULL, name TEXT NOT NULL,
  role TEXT NOT NULL, city TEXT, language TEXT, created_at INTEGER NOT NULL,
  PRIMARY KEY (board, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
`;

interface BoardRow {
  code: string;
  kind: string;
  title: string;
  created_at: number;
  facilitator_token_hash: string;
  last_active_at: number | null;
  retention_days: number | null;
}

/** Data directories from before retention get its two columns. */
function migrate(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(boards)').all();
  const has = (name: string): boolean => columns.some((c) => c.name === name);
  if (!has('last_active_at')) db.exec('ALTER TABLE boards ADD COLUMN last_active_at INTEGER');
  if (!has('retention_days')) db.exec('ALTER TABLE boards ADD COLUMN retention_days INTEGER');
}

const DAY_MS = 86_400_000;
interface ParticipantRow {
  board: string;
  id: string;
  secret_hash: string;
  name: string;
  role: string;
  city: string | null;
  language: string | null;
  created_at: number;
}

const toBoard = (r: BoardRow): BoardRecord => ({
  code: r.code,
  kind: r.kind as BoardKind,
  title: r.title,
  createdAt: r.created_at,
  facilitatorTokenHash: r.facilitator_token_hash,
  ...(r.last_active_at === null ? {} : { lastActiveAt: r.last_active_at }),
  ...(r.retention_days === null ? {} : { retentionDays: r.retention_days }),
});

/**
 * The embedded store. better-sqlite3 is synchronous, so an append has reached the WAL
 * when appendUpdate returns: with synchronous=NORMAL a process crash (SIGKILL) loses
 * nothing; only a power cut could lose the last transactions (SQLITE_SYNC=FULL to avoid).
 */
export function openSqliteStore(dataDir: string, file = 'twinspace.db'): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  migrate(db);
  const photos = sqlitePhotos(db);
  const events = sqliteEvents(db);

  const q = {
    insertBoard: db.prepare(
      'INSERT INTO boards (code, kind, title, created_at, facilitator_token_hash) VALUES (?, ?, ?, ?, ?)',
    ),
    getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE code = ?'),
    deleteBoard: db.prepare('DELETE FROM boards WHERE code = ?'),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE board = ?'),
    deleteParticipants: db.prepare('DELETE FROM participants WHERE board = ?'),
    maxSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM updates WHERE board = ?',
    ),
    // Never into a deleted board: a room still closing must not leave rows behind.
    insertUpdate: db.prepare(
      `INSERT INTO updates (board, seq, data) SELECT @board, @seq, @data
       WHERE EXISTS (SELECT 1 FROM boards WHERE code = @board)`,
    ),
    snapshot: db.prepare<[string], { snapshot: Buffer | null }>(
      'SELECT snapshot FROM boards WHERE code = ?',
    ),
    updates: db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE board = ? ORDER BY seq',
    ),
    setSnapshot: db.prepare('UPDATE boards SET snapshot = ? WHERE code = ?'),
    dropUpTo: db.prepare('DELETE FROM updates WHERE board = ? AND seq <= ?'),
    putParticipant: db.prepare(
      `INSERT INTO participants (board, id, secret_hash, name, role, city, language, created_at)
       SELECT @board, @id, @secretHash, @name, @role, @city, @language, @createdAt
       WHERE EXISTS (SELECT 1 FROM boards WHERE code = @board)
       ON CONFLICT (board, id) DO UPDATE SET name = excluded.name, city = excluded.city,
         language = excluded.language, role = excluded.role`,
    ),
    getParticipant: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE board = ? AND id = ?',
    ),
    deleteParticipant: db.prepare('DELETE FROM participants WHERE board = ? AND id = ?'),
    touch: db.prepare(
      'UPDATE boards SET last_active_at = MAX(COALESCE(last_active_at, 0), ?) WHERE code = ?',
    ),
    setRetention: db.prepare('UPDATE boards SET retention_days = ? WHERE code = ?'),
    expired: db.prepare<
      [{ days: number; day: number; now: number; limit: number }],
      { code: string }
    >(
      `SELECT code FROM boards WHERE COALESCE(retention_days, @days) > 0
         AND COALESCE(last_active_at, created_at) + COALESCE(retention_days, @days) * @day < @now
       LIMIT @limit`,
    ),
    getSecret: db.prepare<[string], { value: string }>('SELECT value FROM secrets WHERE name = ?'),
    insertSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
    probe: db.prepare('INSERT OR REPLACE INTO probe (id, at) VALUES (1, ?)'),
  };

  // The next sequence number per board, kept in memory to avoid a MAX() per append.
  const nextSeq = new Map<string, number>();
  const seqFor = (code: string): number => {
    let seq = nextSeq.get(code);
    if (seq === undefined) seq = (q.maxSeq.get(code)?.seq ?? 0) + 1;
    nextSeq.set(code, seq + 1);
    return seq;
  };

  const createBoard = db.transaction((b: BoardRecord, initial: Uint8Array) => {
    q.insertBoard.run(b.code, b.kind, b.title, b.createdAt, b.facilitatorTokenHash);
    q.insertUpdate.run({ board: b.code, seq: seqFor(b.code), data: Buffer.from(initial) });
  });
  const deleteBoard = db.transaction((code: string) => {
    q.deleteUpdates.run(code);
    q.deleteParticipants.run(code);
    photos.deleteBoard(code);
    q.deleteBoard.run(code);
  });
  const team = sqliteTeamStore(db);
  const compact = db.transaction((code: string, snapshot: Uint8Array, upto: number) => {
    q.setSnapshot.run(Buffer.from(snapshot), code);
    q.dropUpTo.run(code, upto);
  });

  return {
    async createBoard(board, initialUpdate) {
      try {
        createBoard(board, initialUpdate);
      } catch (err) {
        nextSeq.delete(board.code);
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new CodeTakenError(board.code);
        throw err;
      }
    },
    async getBoard(code) {
      const row = q.getBoard.get(code);
      return row ? toBoard(row) : null;
    },
    async deleteBoard(code) {
      deleteBoard(code);
      await team.deleteBoard(code);
      nextSeq.delete(code);
      await events.forgetBoard(code);
    },
    events,
    async appendUpdate(code, update) {
      const seq = seqFor(code);
      const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
      if (q.insertUpdate.run({ board: code, seq, data: bytes }).changes === 0) {
        nextSeq.delete(code);
        throw new Error(`no board ${code}`);
      }
      return seq;
    },
    async loadDoc(code): Promise<StoredDoc> {
      const snap = q.snapshot.get(code)?.snapshot ?? null;
      const rows = q.updates.all(code);
      return {
        snapshot: snap ? new Uint8Array(snap) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
      };
    },
    async compact(code, snapshot, uptoSeq) {
      compact(code, snapshot, uptoSeq);
    },
    async putParticipant(p: ParticipantRecord) {
      q.putParticipant.run({ ...p, city: p.city ?? null, language: p.language ?? null });
    },
    async getParticipant(board, id) {
      const r = q.getParticipant.get(board, id);
      if (!r) return null;
      return {
        board: r.board,
        id: r.id,
        secretHash: r.secret_hash,
        name: r.name,
        role: r.role === 'facilitator' ? 'facilitator' : 'participant',
        city: r.city ?? undefined,
        language: r.language ?? undefined,
        createdAt: r.created_at,
      };
    },
    async deleteParticipant(board, id) {
      q.deleteParticipant.run(board, id);
    },
    async touchBoard(code, at) {
      q.touch.run(at, code);
    },
    async setRetention(code, days) {
      q.setRetention.run(days, code);
    },
    async expiredBoards(now, defaultDays, limit) {
      return q.expired.all({ days: defaultDays, day: DAY_MS, now, limit }).map((r) => r.code);
    },
    photos: photos.photos,
    team,
    async secret(name) {
      q.insertSecret.run(name, randomBytes(32).toString('base64url'));
      return q.getSecret.get(name)!.value;
    },
    async ping() {
      q.probe.run(Date.now());
    },
    async close() {
      db.close();
    },
  };
}

import type Database from 'better-sqlite3';
import type { PhotoType } from '@twinspace/shared/boards/photos/layout';
import type { PhotoPut, PhotoRecord, PhotoStore } from './photos.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS photos (
  board TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL, type TEXT NOT NULL,
  size INTEGER NOT NULL, created_at INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (board, id)
);
CREATE INDEX IF NOT EXISTS photos_owner ON photos (board, owner);
`;

interface Row {
  board: string;
  id: string;
  owner: string;
  type: string;
  size: number;
  created_at: number;
}

const toRecord = (r: Row): PhotoRecord => ({
  board: r.board,
  id: r.id,
  owner: r.owner,
  type: r.type as PhotoType,
  size: r.size,
  createdAt: r.created_at,
});

/** The embedded store's photos: one table beside the boards, the caps checked in one transaction. */
export function sqlitePhotos(db: Database.Database): {
  photos: PhotoStore;
  deleteBoard: (code: string) => void;
} {
  db.exec(SCHEMA);
  const q = {
    board: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM boards WHERE code = ?'),
    counts: db.prepare<[string, string], { mine: number | null; n: number; bytes: number | null }>(
      'SELECT SUM(owner = ?) AS mine, COUNT(*) AS n, SUM(size) AS bytes FROM photos WHERE board = ?',
    ),
    total: db.prepare<[], { bytes: number | null }>('SELECT SUM(size) AS bytes FROM photos'),
    insert: db.prepare(
      'INSERT INTO photos (board, id, owner, type, size, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[string, string], Row & { data: Buffer }>(
      'SELECT * FROM photos WHERE board = ? AND id = ?',
    ),
    list: db.prepare<[string], Row>(
      'SELECT board, id, owner, type, size, created_at FROM photos WHERE board = ? ORDER BY created_at, id',
    ),
    remove: db.prepare('DELETE FROM photos WHERE board = ? AND id = ?'),
    removeBoard: db.prepare('DELETE FROM photos WHERE board = ?'),
  };
  const put = db.transaction(
    (r: PhotoRecord, bytes: Uint8Array, caps: Parameters<PhotoStore['put']>[2]): PhotoPut => {
      if (!q.board.get(r.board)) return 'no-board';
      const c = q.counts.get(r.owner, r.board);
      if ((c?.mine ?? 0) >= caps.perPerson) return 'person-full';
      if ((c?.n ?? 0) >= caps.perBoard || (c?.bytes ?? 0) + r.size > caps.boardBytes)
        return 'board-full';
      if ((q.total.get()?.bytes ?? 0) + r.size > caps.totalBytes) return 'store-full';
      q.insert.run(r.board, r.id, r.owner, r.type, r.size, r.createdAt, Buffer.from(bytes));
      return 'ok';
    },
  );
  return {
    deleteBoard: (code) => void q.removeBoard.run(code),
    photos: {
      async put(record, bytes, caps) {
        return put(record, bytes, caps);
      },
      async get(board, id) {
        const row = q.get.get(board, id);
        return row ? { record: toRecord(row), bytes: new Uint8Array(row.data) } : null;
      },
      async list(board) {
        return q.list.all(board).map(toRecord);
      },
      async remove(board, id) {
        q.remove.run(board, id);
      },
      async totalBytes() {
        return q.total.get()?.bytes ?? 0;
      },
    },
  };
}

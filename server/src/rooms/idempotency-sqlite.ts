import path from 'node:path';
import Database from 'better-sqlite3';
import type { CommandResult } from '@twinspace/shared';
import { COMMAND_KEY_TTL_MS, keyOf, memoryLedger, type CommandLedger } from './idempotency.ts';

/** Expired answers are swept once per this many new ones (and at start). */
const SWEEP_EVERY = 500;

/**
 * One process with the embedded store: the answers of keyed commands are kept in the
 * store's database file (a table of their own, through a second connection), so a repeat
 * that reaches the server after a crash (SIGKILL) gets the first answer too, as it would
 * from another process: a phone whose answer died with the process sends its command
 * again with the same key, and a question asked once must not be asked twice. An answer is
 * written before the server acknowledges the command; attempts still running are shared
 * in memory (memoryLedger).
 */
export function sqliteLedger(
  dataDir: string,
  file = 'twinspace.db',
  ttlMs = COMMAND_KEY_TTL_MS,
): CommandLedger & { forget(code: string): void; close(): void } {
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
  db.exec(`CREATE TABLE IF NOT EXISTS command_answers (
    board TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL, result TEXT NOT NULL,
    PRIMARY KEY (board, id)
  ) WITHOUT ROWID`);
  const q = {
    get: db.prepare<[string, string], { at: number; result: string }>(
      'SELECT at, result FROM command_answers WHERE board = ? AND id = ?',
    ),
    put: db.prepare(
      'INSERT OR REPLACE INTO command_answers (board, id, at, result) VALUES (?, ?, ?, ?)',
    ),
    sweep: db.prepare('DELETE FROM command_answers WHERE at < ?'),
    forget: db.prepare('DELETE FROM command_answers WHERE board = ?'),
  };
  const running = memoryLedger(ttlMs);
  let written = 0;
  q.sweep.run(Date.now() - ttlMs);
  return {
    run(code, actor, raw, fn) {
      const key = keyOf(raw);
      if (!key) return fn();
      const id = `${actor}/${key}`;
      const known = q.get.get(code, id);
      if (known && Date.now() - known.at <= ttlMs)
        return Promise.resolve(JSON.parse(known.result) as CommandResult);
      return running.run(code, actor, raw, async () => {
        const result = await fn();
        q.put.run(code, id, Date.now(), JSON.stringify(result));
        if (++written % SWEEP_EVERY === 0) q.sweep.run(Date.now() - ttlMs);
        return result;
      });
    },
    forget(code) {
      running.forget?.(code);
      q.forget.run(code);
    },
    close: () => db.close(),
  };
}

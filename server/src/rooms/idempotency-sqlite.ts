import path from 'node:path';
import Database from 'better-sqlite3';
import type { CommandResult } from '@twinspace/shared';
import {
  ANSWERS_PER_PERSON,
  COMMAND_KEY_TTL_MS,
  keyOf,
  type CommandLedger,
} from './idempotency.ts';

/** Expired answers are swept once per this many new ones (and at start). */
const SWEEP_EVERY = 500;

/**
 * One process with the embedded store: the answers of keyed commands are kept in the
 * store's database file (a table of their own, through a second connection), so a repeat
 * that reaches the server after a crash (SIGKILL) gets the first answer too, as it would
 * from another process: a phone whose answer died with the process sends its command
 * again with the same key, and a question asked once must not be asked twice. An answer is
 * written before the server acknowledges the command; attempts still running are shared
 * in memory until their answer is written. A person's newest ANSWERS_PER_PERSON answers on a
 * board are kept, older ones go as a new one is written.
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
    // A person's ids are `<actor>/<key>`: the range from `<actor>/` up to `<actor>0` ('/' + 1).
    trim: db.prepare<[{ board: string; from: string; to: string; keep: number }]>(
      `DELETE FROM command_answers WHERE board = @board AND id IN (
        SELECT id FROM command_answers WHERE board = @board AND id >= @from AND id < @to
        ORDER BY at DESC, id DESC LIMIT -1 OFFSET @keep)`,
    ),
  };
  /** Attempts still running, by `<board>/<actor>/<key>`: a repeat meanwhile waits for it. */
  const running = new Map<string, Promise<CommandResult>>();
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
      const attempt = `${code}/${id}`;
      const first = running.get(attempt);
      if (first) return first;
      const result = (async () => {
        const answer = await fn();
        q.put.run(code, id, Date.now(), JSON.stringify(answer));
        q.trim.run({ board: code, from: `${actor}/`, to: `${actor}0`, keep: ANSWERS_PER_PERSON });
        if (++written % SWEEP_EVERY === 0) q.sweep.run(Date.now() - ttlMs);
        return answer;
      })();
      running.set(attempt, result);
      // Written (or failed: it may be tried again), it is answered from the table from now on.
      void result.then(
        () => running.delete(attempt),
        () => running.delete(attempt),
      );
      return result;
    },
    forget(code) {
      for (const attempt of [...running.keys()])
        if (attempt.startsWith(`${code}/`)) running.delete(attempt);
      q.forget.run(code);
    },
    close: () => db.close(),
  };
}

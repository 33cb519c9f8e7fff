import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getCards, readCards } from '@twinspace/shared';
import { startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  startServer,
  tempDir,
} from './harness.ts';
import { spawnServer } from './process.ts';

describe('durability (SPEC R11)', () => {
  it('loses no relayed update when the server is killed with SIGKILL mid-stream', async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const board = await createBoard(first.url);
    const writer = await connectClient(first.url, board.code, { name: 'Writer' });
    const observer = await connectClient(first.url, board.code, { name: 'Observer' });

    // The writer keeps editing; whatever the observer has seen was relayed, so stored.
    let n = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 5 && n < 190; i++) {
        createEntity(
          getCards(writer.doc),
          `card${String(n).padStart(6, '0')}`,
          writer.participantId,
          { text: `#${n}` },
        );
        n++;
      }
    }, 2);
    await eventually(() => expect(readCards(observer.doc).length).toBeGreaterThan(100), 20_000);
    await first.kill('SIGKILL');
    clearInterval(writing);
    const seen = readCards(observer.doc).map((c) => c.text);
    writer.close();
    observer.close();

    const second = await spawnServer({ DATA_DIR: dataDir });
    const reader = await connectClient(second.url, board.code, { name: 'Reader' });
    const stored = new Set(readCards(reader.doc).map((c) => c.text));
    const lost = seen.filter((t) => !stored.has(t));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(seen.length);
  });

  it('keeps a board across a clean restart and after compaction', async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const board = await createBoard(first.url, 'match-sprint', 'Twin cities');
    // The facilitator has no per-owner card limit; 600 edits pass the compaction threshold.
    const a = await connectClient(first.url, board.code, {
      name: 'A',
      role: 'facilitator',
      facilitatorToken: board.facilitatorToken,
    });
    for (let i = 0; i < 600; i++)
      createEntity(getCards(a.doc), `cardX${String(i).padStart(5, '0')}`, a.participantId, {
        text: `t${i}`,
      });
    const b = await connectClient(first.url, board.code, { name: 'B' });
    await eventually(() => expect(readCards(b.doc)).toHaveLength(600));
    a.close();
    b.close();
    await first.kill('SIGTERM');
    // Compaction ran: the board has a snapshot and the log holds fewer entries than edits.
    const db = new Database(path.join(dataDir, 'twinspace.db'), { readonly: true });
    const row = db.prepare('SELECT snapshot FROM boards WHERE code = ?').get(board.code) as {
      snapshot: Buffer | null;
    };
    const { n } = db
      .prepare('SELECT count(*) AS n FROM updates WHERE board = ?')
      .get(board.code) as {
      n: number;
    };
    db.close();
    expect(row.snapshot?.byteLength ?? 0).toBeGreaterThan(0);
    expect(n).toBeLessThan(600);
    const second = await spawnServer({ DATA_DIR: dataDir });
    const info = (await (await fetch(`${second.url}/api/boards/${board.code}`)).json()) as unknown;
    expect(info).toMatchObject({ code: board.code, kind: 'match-sprint', title: 'Twin cities' });
    const c = await connectClient(second.url, board.code, { name: 'C' });
    expect(readCards(c.doc)).toHaveLength(600);
  });
});

describe('a join while an append is on its way (R11)', () => {
  it('answers with the stored board only: an edit not yet stored is not in a join’s state', async () => {
    // A store whose appends wait at a gate: the edit is applied in memory, not yet stored.
    const inner = openSqliteStore(tempDir());
    let hold: (() => void) | null = null;
    let stored = 0;
    let lookups = 0;
    const store: Store = {
      ...inner,
      getBoard: (code) => {
        lookups++;
        return inner.getBoard(code);
      },
      appendUpdate: async (code, update) => {
        if (Buffer.from(update).includes('on its way'))
          await new Promise<void>((go) => (hold = go));
        const seq = await inner.appendUpdate(code, update);
        stored++;
        return seq;
      },
    };
    const config = loadConfig({ DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1' });
    const app = await startApp(config, createLogger('silent'), { store });
    onTestFinished(() => app.close());
    onTestFinished(() => hold?.()); // runs first (stack order)
    const board = await createBoard(app.url, 'match-sprint');
    const ana = await connectClient(app.url, board.code, { name: 'Ana' });
    createEntity(getCards(ana.doc), 'cardHELD01', ana.participantId, { text: 'on its way' });
    await eventually(() => expect(hold).not.toBeNull());
    const storedBefore = stored;
    const lookupsBefore = lookups;
    const socket = controlSocket(app.url);
    onTestFinished(() => void socket.close());
    const answer = joinOver(socket, { code: board.code, role: 'projector', withState: true });
    let answered = false;
    void answer.then(() => (answered = true));
    // The join has reached the server; given half a second, it must still not be answered
    // (the code before this answered at once, with the edit the store did not have).
    await eventually(() => expect(lookups).toBeGreaterThan(lookupsBefore));
    await eventually(() => expect(answered).toBe(true), 500).catch(() => undefined);
    expect(answered).toBe(false);
    (hold as unknown as () => void)();
    const joined = await answer;
    if (joined.type !== 'joined' || !joined.state) throw new Error('no state in the answer');
    expect(stored).toBeGreaterThan(storedBefore);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(joined.state));
    expect(readCards(doc).map((c) => c.text)).toEqual(['on its way']);
  });
});

describe('memory', () => {
  it('loads a board on first use and unloads it when nobody is connected', async () => {
    const server = await startServer({ ROOM_UNLOAD_GRACE_MS: '100' });
    const board = await createBoard(server.url);
    expect(server.registry.loaded).toBe(0);
    const a = await connectClient(server.url, board.code, { name: 'A' });
    createEntity(getCards(a.doc), 'cardMEM001', a.participantId, { text: 'kept' });
    await eventually(() =>
      expect(server.registry.peek(board.code)?.doc.getMap('cards').size).toBe(1),
    );
    a.close();
    await eventually(() => expect(server.registry.loaded).toBe(0));
    const b = await connectClient(server.url, board.code, { name: 'B' });
    expect(readCards(b.doc).map((c) => c.text)).toEqual(['kept']);
    expect(server.registry.loaded).toBe(1);
  });
});

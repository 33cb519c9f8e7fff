import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEntity, getCards, readCards } from '@twinspace/shared';
import { connectClient, createBoard, eventually, startServer, tempDir } from './harness.ts';
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

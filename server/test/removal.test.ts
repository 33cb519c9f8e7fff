import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EV, WS_CLOSE, type JoinResult } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  fetchExport,
  joinOver,
  startServer,
  tempDir,
  type TestClient,
} from './harness.ts';

const deleteBoard = (url: string, code: string, credential: string | null) =>
  fetch(`${url}/api/boards/${code}`, {
    method: 'DELETE',
    headers: credential === null ? {} : { authorization: `Bearer ${credential}` },
  });

/** Every text value in every table of the SQLite file that holds `code` (rows, not blobs). */
function rowsMentioning(file: string, code: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const found: string[] = [];
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    for (const { name } of tables) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${name}")`).all();
      for (const column of columns) {
        const hits = db
          .prepare<[string], { n: number }>(
            `SELECT COUNT(*) AS n FROM "${name}" WHERE typeof("${column.name}") = 'text' AND instr("${column.name}", ?) > 0`,
          )
          .get(code);
        if (hits && hits.n > 0) found.push(`${name}.${column.name}: ${hits.n}`);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** The close codes a test client's Yjs socket has seen. */
function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

const ticketOf = (result: JoinResult): string => {
  if (result.type !== 'joined') throw new Error(`join refused: ${result.reason}`);
  return result.ticket;
};

describe('deleting a board (docs/privacy.md)', () => {
  it('removes every row of it, closes its sockets, and is refused to anyone but its facilitator', async () => {
    const dir = tempDir();
    const server = await startServer({ DATA_DIR: dir });
    const board = await createBoard(server.url, 'open-space', 'Kept nowhere');
    const other = await createBoard(server.url, 'open-space', 'Another board');
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'Fa',
      facilitatorToken: board.facilitatorToken,
    });
    const phone = await connectClient(server.url, board.code, { name: 'Olena' });
    const phoneCloses = closeCodes(phone);
    const joined = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'participant',
      name: 'T',
    });
    const ticket = ticketOf(joined);
    const secret = joined.type === 'joined' ? joined.participantSecret : '';
    expect(
      await phone.socket.emitWithAck(EV.command, {
        type: 'rename',
        name: 'Olena K',
        key: 'rename-0001',
      }),
    ).toEqual({ type: 'ok' });
    const file = path.join(dir, 'twinspace.db');
    // Rows of the board, participants and updates name it: the check below can fail.
    expect(rowsMentioning(file, board.code).length).toBeGreaterThanOrEqual(3);

    // Hostile: no token, a wrong one, another board's, a participant's ticket or secret: 401.
    for (const credential of [null, 'not-the-token', other.facilitatorToken, ticket, secret]) {
      const res = await deleteBoard(server.url, board.code, credential);
      expect(res.status).toBe(401);
    }
    expect((await fetch(`${server.url}/api/boards/${board.code}`)).status).toBe(200);
    expect((await fetchExport(server.url, board, 'export.md')).status).toBe(200);
    expect(phone.provider.wsconnected).toBe(true);
    const rowsBefore = rowsMentioning(file, board.code);
    expect(rowsBefore.length).toBeGreaterThanOrEqual(3);

    expect((await deleteBoard(server.url, board.code, board.facilitatorToken)).status).toBe(204);
    await eventually(() => expect(phoneCloses).toContain(WS_CLOSE.boardDeleted));
    await eventually(() => expect(phone.notices).toContainEqual({ type: 'board-deleted' }));
    expect(facilitator.notices).toContainEqual({ type: 'board-deleted' });
    expect(server.registry.peek(board.code)).toBeUndefined();
    expect(rowsMentioning(file, board.code)).toEqual([]);
    expect((await fetch(`${server.url}/api/boards/${board.code}`)).status).toBe(404);
    for (const format of ['export.md', 'export.csv', 'export.html', 'export.ics'])
      expect((await fetchExport(server.url, board, format)).status).toBe(404);
    const again = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'participant',
      name: 'Late',
    });
    expect(again).toMatchObject({ type: 'join-refused', reason: 'unknown-board' });
    // A detached connection cannot act on the board any more.
    expect(
      await phone.socket.emitWithAck(EV.command, { type: 'rename', name: 'Ghost' }),
    ).toMatchObject({ type: 'refused', reason: 'not-joined' });
    // The room stays gone: nothing wrote it back while it closed.
    expect(rowsMentioning(file, board.code)).toEqual([]);
    expect((await fetch(`${server.url}/api/boards/${other.code}`)).status).toBe(200);
    // Deleting it again: the code is unknown now.
    expect((await deleteBoard(server.url, board.code, board.facilitatorToken)).status).toBe(404);
  });

  it('the facilitator’s delete-board command deletes the same way and is answered', async () => {
    const dir = tempDir();
    const server = await startServer({ DATA_DIR: dir });
    const board = await createBoard(server.url);
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'Fa',
      facilitatorToken: board.facilitatorToken,
    });
    const closes = closeCodes(facilitator);
    expect(
      await facilitator.socket.emitWithAck(EV.command, { type: 'delete-board', confirm: true }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(closes).toContain(WS_CLOSE.boardDeleted));
    expect(rowsMentioning(path.join(dir, 'twinspace.db'), board.code)).toEqual([]);
  });
});

// Deleting an event takes away what its token gave (docs/events.md): the token no longer
// joins its boards as facilitator, and a Yjs ticket issued for it earlier opens nothing.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WS_CLOSE, type JoinResult } from '@twinspace/shared';
import WebSocket from 'ws';
import {
  connectClient,
  controlSocket,
  eventually,
  fetchExport,
  joinOver,
  startServer,
  tempDir,
  type TestClient,
} from './harness.ts';
import { api, createEvent, eventBoard } from './event-helpers.ts';

/** The close codes of the client's Yjs connection, in order (its provider reconnects). */
const yjsCloses = (client: TestClient): number[] => {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) =>
    codes.push(event?.code ?? 0),
  );
  return codes;
};

/** Admitted to the board's Yjs document: the server sent its first sync frame. */
const ADMITTED = 0;

/**
 * What a Yjs socket opened with `ticket` gets: its close code, or ADMITTED (an admitted
 * socket stays open, so waiting for a close alone would wait for the test's timeout).
 */
const ticketOutcome = (url: string, code: string, ticket: string): Promise<number> => {
  const ws = new WebSocket(
    `${url.replace(/^http/, 'ws')}/yjs/${code}?ticket=${encodeURIComponent(ticket)}`,
  );
  onTestFinished(() => ws.terminate());
  return new Promise((resolve) => {
    ws.once('close', resolve);
    ws.once('message', () => {
      resolve(ADMITTED);
      ws.terminate();
    });
  });
};

const joinWith = (url: string, code: string, token: string): Promise<JoinResult> =>
  joinOver(controlSocket(url), { code, role: 'facilitator', name: 'Ola', facilitatorToken: token });

const ticketOf = (result: JoinResult): string => {
  if (result.type !== 'joined') throw new Error(`join refused: ${result.reason}`);
  return result.ticket;
};

describe('deleting an event: its token’s credentials stop working (SPEC R28, R38)', () => {
  it('DELETE /api/events/:code: the token joins the board no more, its earlier ticket opens nothing', async () => {
    const server = await startServer();
    const event = await createEvent(server.url);
    const board = await eventBoard(server.url, event, 'open-space', 'Day 1');
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: event.facilitatorToken,
    });
    const ticket = ticketOf(await joinWith(server.url, board.code, event.facilitatorToken));
    // The ticket acts as the facilitator: it opens the document and reads the export.
    expect(await ticketOutcome(server.url, board.code, ticket)).toBe(ADMITTED);
    expect((await fetchExport(server.url, board, 'export.md', ticket)).status).toBe(200);
    const closes = yjsCloses(facilitator);

    const del = await api(server.url, `/api/events/${event.code}`, {
      method: 'DELETE',
      token: event.facilitatorToken,
    });
    expect(del.status).toBe(204);

    await eventually(async () =>
      expect(await joinWith(server.url, board.code, event.facilitatorToken)).toMatchObject({
        type: 'join-refused',
        reason: 'unknown-board',
      }),
    );
    // The board went with its event, so the ticket is refused as a deleted board's.
    await eventually(async () =>
      expect(await ticketOutcome(server.url, board.code, ticket)).toBe(WS_CLOSE.unknownBoard),
    );
    expect((await fetchExport(server.url, board, 'export.md', ticket)).status).toBe(404);
    await eventually(() => expect(closes[0]).toBe(WS_CLOSE.boardDeleted));
  });

  it('a board that outlives its event (added while it was deleted) takes neither the token nor its ticket', async () => {
    // deleteEvent (http/events.ts) lists the boards, removes each, then the event: a board
    // added to the event in between stays, without an event. Its rows are removed here the
    // way the store's deleteEvent does, so that the board is left and the checks of the
    // event's credential (auth/facilitators.ts: eventLink, linkStillActive) are what refuse.
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir });
    const event = await createEvent(server.url);
    const board = await eventBoard(server.url, event, 'open-space', 'Day 1');
    await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: event.facilitatorToken,
    });
    const ticket = ticketOf(await joinWith(server.url, board.code, event.facilitatorToken));
    expect(await ticketOutcome(server.url, board.code, ticket)).toBe(ADMITTED);
    expect((await fetchExport(server.url, board, 'export.md', ticket)).status).toBe(200);

    const db = new Database(path.join(dataDir, 'twinspace.db'));
    try {
      db.prepare('DELETE FROM event_boards WHERE event = ?').run(event.code);
      db.prepare('DELETE FROM events WHERE code = ?').run(event.code);
    } finally {
      db.close();
    }
    expect((await api(server.url, `/api/boards/${board.code}`)).status).toBe(200);

    await eventually(async () =>
      expect(await joinWith(server.url, board.code, event.facilitatorToken)).toMatchObject({
        type: 'join-refused',
        reason: 'bad-facilitator-token',
      }),
    );
    await eventually(async () =>
      expect(await ticketOutcome(server.url, board.code, ticket)).toBe(WS_CLOSE.linkRevoked),
    );
    expect((await fetchExport(server.url, board, 'export.md', ticket)).status).toBe(401);
    // The board's own link is untouched.
    const owner = await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: board.facilitatorToken,
    });
    expect(owner.provider.wsconnected).toBe(true);
  });
});

// DELETE /api/boards/:code takes every credential that runs the board (issue 16, item 7):
// the board's own link, a co-host's link, the token of the board's event; a note-taker's or
// table host's link is refused (403) and deletes nothing; no credential is 401.
import { describe, expect, it } from 'vitest';
import { startServer } from './harness.ts';

const json = (token: string | null, body?: unknown): RequestInit => ({
  headers: {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
});

describe('deleting a board: who may (SPEC R28, R35, R38)', () => {
  it('the board’s own link, a co-host and the event’s token may; a note-taker may not', async () => {
    const server = await startServer();
    const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init);
    const event = (await (await api('/events', json(null, { title: 'Booster' }))).json()) as {
      code: string;
      facilitatorToken: string;
    };
    const newBoard = async (): Promise<{ code: string; facilitatorToken: string }> => {
      const res = await api(
        '/boards',
        json(event.facilitatorToken, { kind: 'open-space', title: 'Day', event: event.code }),
      );
      expect(res.status).toBe(201);
      return (await res.json()) as { code: string; facilitatorToken: string };
    };
    const link = async (code: string, owner: string, role: string): Promise<string> => {
      const res = await api(`/boards/${code}/facilitators`, json(owner, { name: role, role }));
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const del = (code: string, token: string | null) =>
      api(`/boards/${code}`, { method: 'DELETE', ...json(token) });
    const exists = async (code: string) => (await api(`/boards/${code}`)).status === 200;

    const a = await newBoard();
    const noteTaker = await link(a.code, a.facilitatorToken, 'note-taker');
    expect((await del(a.code, null)).status).toBe(401);
    expect((await del(a.code, noteTaker)).status).toBe(403);
    expect(await exists(a.code)).toBe(true);
    expect((await del(a.code, event.facilitatorToken)).status).toBe(204);
    expect(await exists(a.code)).toBe(false);

    const b = await newBoard();
    const coHost = await link(b.code, b.facilitatorToken, 'co-host');
    expect((await del(b.code, coHost)).status).toBe(204);
    expect(await exists(b.code)).toBe(false);

    const c = await newBoard();
    expect((await del(c.code, c.facilitatorToken)).status).toBe(204);
    const listed = (await (await api(`/events/${event.code}`)).json()) as { boards: unknown[] };
    expect(listed.boards).toEqual([]);
  });
});

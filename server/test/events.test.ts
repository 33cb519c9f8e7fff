import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.ts';
import {
  connectClient,
  controlSocket,
  eventually,
  fetchExport,
  joinOver,
  startServer,
  tempDir,
} from './harness.ts';
import { api, createEvent, eventBoard, readEvent } from './event-helpers.ts';

describe('events: the HTTP contract', () => {
  it('creates an event, keeps only its token hash, and lists the boards made in it', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir });
    const event = await createEvent(server.url, 'Twin City Booster');
    expect(event.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(event.url).toBe(`${server.url}/e/${event.code}`);
    expect(event.facilitatorUrl).toBe(
      `${server.url}/e/${event.code}/facilitate#key=${event.facilitatorToken}`,
    );
    expect(await readEvent(server.url, event.code)).toEqual({
      code: event.code,
      title: 'Twin City Booster',
      current: null,
      boards: [],
    });
    const minsk = await eventBoard(server.url, event, 'match-sprint', 'Initiative workshop Minsk');
    const joint = await eventBoard(server.url, event, 'open-space', 'Match & Sprint');
    await eventually(async () =>
      expect((await readEvent(server.url, event.code)).boards).toEqual([
        {
          code: minsk.code,
          kind: 'match-sprint',
          title: 'Initiative workshop Minsk',
          phase: 'welcome',
        },
        { code: joint.code, kind: 'open-space', title: 'Match & Sprint', phase: 'welcome' },
      ]),
    );
    const stored = fs
      .readdirSync(dataDir)
      .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
      .join('');
    expect(stored).not.toContain(event.facilitatorToken);
    expect(stored).toContain(hashToken(event.facilitatorToken));
  });

  it('validates the title', async () => {
    const server = await startServer();
    for (const body of [{}, { title: '  ' }, { title: 'x'.repeat(201) }, { title: 7 }])
      expect((await api(server.url, '/api/events', { method: 'POST', body })).status).toBe(400);
  });

  it("adds a board only with the event token: none 401, wrong or another event's 403, nothing created", async () => {
    const server = await startServer();
    const event = await createEvent(server.url);
    const other = await createEvent(server.url, 'Another');
    const attempt = (token: string | null, code = event.code) =>
      api(server.url, '/api/boards', {
        method: 'POST',
        token,
        body: { kind: 'open-space', title: 'Day 1', event: code },
      });
    expect((await attempt(null)).status).toBe(401);
    expect((await attempt('not-the-token-at-all-0000')).status).toBe(403);
    expect((await attempt(other.facilitatorToken)).status).toBe(403);
    expect((await attempt(event.facilitatorToken, 'ZZZZZZ')).status).toBe(404);
    expect((await readEvent(server.url, event.code)).boards).toEqual([]);
    expect((await readEvent(server.url, other.code)).boards).toEqual([]);
  });

  it("lets the event's token join each of its boards as facilitator and read exports, and no other board", async () => {
    const server = await startServer();
    const event = await createEvent(server.url);
    const other = await createEvent(server.url, 'Another');
    const day1 = await eventBoard(server.url, event, 'open-space', 'Day 1');
    const foreign = await eventBoard(server.url, other, 'open-space', 'Elsewhere');
    await connectClient(server.url, day1.code, {
      role: 'facilitator',
      facilitatorToken: event.facilitatorToken,
    });
    const refused = await joinOver(controlSocket(server.url), {
      code: foreign.code,
      role: 'facilitator',
      name: 'Mallory',
      facilitatorToken: event.facilitatorToken,
    });
    expect(refused).toMatchObject({ type: 'join-refused', reason: 'bad-facilitator-token' });
    expect((await fetchExport(server.url, day1, 'export.md', event.facilitatorToken)).status).toBe(
      200,
    );
    expect(
      (await fetchExport(server.url, foreign, 'export.md', event.facilitatorToken)).status,
    ).toBe(401);
  });

  it('sets the board on now with the token only, and only a board of the event', async () => {
    const server = await startServer();
    const event = await createEvent(server.url);
    const other = await createEvent(server.url, 'Another');
    const day1 = await eventBoard(server.url, event, 'open-space', 'Day 1');
    const foreign = await eventBoard(server.url, other, 'open-space', 'Elsewhere');
    const put = (board: string | null, token: string | null) =>
      api(server.url, `/api/events/${event.code}/current`, {
        method: 'PUT',
        token,
        body: { board },
      });
    expect((await put(day1.code, null)).status).toBe(401);
    expect((await put(day1.code, other.facilitatorToken)).status).toBe(403);
    expect((await put(foreign.code, event.facilitatorToken)).status).toBe(403);
    expect((await readEvent(server.url, event.code)).current).toBeNull();
    expect((await put(day1.code, event.facilitatorToken)).status).toBe(204);
    expect((await readEvent(server.url, event.code)).current).toBe(day1.code);
  });

  it('deletes the event with all its boards, closing their connections; not without its token', async () => {
    const server = await startServer();
    const event = await createEvent(server.url);
    const other = await createEvent(server.url, 'Another');
    const day1 = await eventBoard(server.url, event, 'open-space', 'Day 1');
    const day2 = await eventBoard(server.url, event, 'match-sprint', 'Day 2');
    const phone = await connectClient(server.url, day1.code, { name: 'Olena' });
    const del = (token: string | null) =>
      api(server.url, `/api/events/${event.code}`, { method: 'DELETE', token });
    expect((await del(null)).status).toBe(401);
    expect((await del(other.facilitatorToken)).status).toBe(403);
    expect((await readEvent(server.url, event.code)).boards).toHaveLength(2);
    expect((await del(event.facilitatorToken)).status).toBe(204);
    expect((await api(server.url, `/api/events/${event.code}`)).status).toBe(404);
    for (const b of [day1, day2])
      expect((await api(server.url, `/api/boards/${b.code}`)).status).toBe(404);
    await eventually(() => expect(phone.notices).toContainEqual({ type: 'board-deleted' }));
    expect(server.registry.peek(day1.code)).toBeUndefined();
    expect((await readEvent(server.url, other.code)).code).toBe(other.code);
  });

  it('spends the lookup budget on unknown codes and wrong tokens (guessing), then 429', async () => {
    const server = await startServer({ LOOKUP_FAILURES_PER_MINUTE: '4' });
    const event = await createEvent(server.url);
    const statuses: number[] = [];
    for (const code of ['AAAAAA', 'BBBBBB', 'CCCCCC'])
      statuses.push((await api(server.url, `/api/events/${code}`)).status);
    statuses.push(
      (
        await api(server.url, `/api/events/${event.code}/export.md`, {
          token: 'guess-guess-guess-guess',
        })
      ).status,
    );
    statuses.push((await api(server.url, `/api/events/${event.code}`)).status);
    expect(statuses).toEqual([404, 404, 404, 403, 429]);
  });

  it('limits how many events and boards one address creates', async () => {
    const server = await startServer({ BOARDS_PER_ADDRESS_PER_HOUR: '2' });
    await createEvent(server.url);
    await createEvent(server.url);
    expect(
      (await api(server.url, '/api/events', { method: 'POST', body: { title: 'Third' } })).status,
    ).toBe(429);
  });

  it("tells the event's story in the reader's language, to the token only", async () => {
    const server = await startServer();
    const event = await createEvent(server.url, 'Kyiv 2026');
    await eventBoard(server.url, event, 'open-space', 'Day 1');
    await eventBoard(server.url, event, 'match-sprint', 'Booster');
    expect((await api(server.url, `/api/events/${event.code}/export.md`)).status).toBe(401);
    const md = await api(server.url, `/api/events/${event.code}/export.md?lang=de`, {
      token: event.facilitatorToken,
    });
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain('# Kyiv 2026: die Geschichte der Veranstaltung');
    expect(text).toMatch(/^## Day 1 \(Open Space\)$/m);
    expect(text).toMatch(/^## Booster \(Match & Sprint\)$/m);
    const html = await api(server.url, `/api/events/${event.code}/export.html?lang=uk`, {
      token: event.facilitatorToken,
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<html lang="uk">');
    expect(
      (
        await api(server.url, `/api/events/${event.code}/export.csv`, {
          token: event.facilitatorToken,
        })
      ).status,
    ).toBe(404);
  });
});

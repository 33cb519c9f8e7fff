import { describe, expect, it, onTestFinished } from 'vitest';
import { DAY_MS, type RetentionInfo } from '@twinspace/shared/privacy/retention';
import { startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { connectClient, createBoard, joinOver, controlSocket, tempDir } from './harness.ts';

/** A server whose sweeper and activity read a clock the test moves (no sleeps). */
async function serverWithClock(env: Record<string, string> = {}) {
  const clock = { now: Date.now() };
  const config = loadConfig({ DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1', ...env });
  const app = await startApp(config, createLogger('silent'), { now: () => clock.now });
  onTestFinished(() => app.close());
  return { app, clock, url: app.url };
}

const retention = async (
  url: string,
  code: string,
  token: string | null,
  change?: { keep: true } | { days: unknown },
): Promise<{ status: number; body: RetentionInfo }> => {
  const path = `${url}/api/boards/${code}/retention`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res =
    change === undefined
      ? await fetch(path, { headers })
      : 'keep' in change
        ? await fetch(`${path}/keep`, { method: 'POST', headers })
        : await fetch(path, {
            method: 'PUT',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(change),
          });
  return { status: res.status, body: (await res.json()) as RetentionInfo };
};

const exists = async (url: string, code: string): Promise<boolean> =>
  (await fetch(`${url}/api/boards/${code}`)).status === 200;

describe('retention (docs/privacy.md, "How long")', () => {
  it('deletes a board its retention after the last activity, its own or the default', async () => {
    const { app, clock, url } = await serverWithClock();
    const start = clock.now;
    const kept = await createBoard(url, 'open-space', 'Active');
    const short = await createBoard(url, 'match-sprint', 'Short-lived');

    const info = await retention(url, kept.code, kept.facilitatorToken);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ ownDays: null, defaultDays: 90, maxDays: 365 });
    expect(info.body.deletesAt! - info.body.lastActiveAt).toBe(90 * DAY_MS);
    const own = await retention(url, short.code, short.facilitatorToken, { days: 10 });
    expect(own.body).toMatchObject({ ownDays: 10 });
    expect(own.body.deletesAt! - own.body.lastActiveAt).toBe(10 * DAY_MS);

    clock.now = start + 11 * DAY_MS;
    expect(await app.retention.sweep()).toEqual([short.code]);
    expect(await exists(url, short.code)).toBe(false);

    // Activity (a new participant writes the directory) moves the date; a visit does not.
    clock.now = start + 80 * DAY_MS;
    const phone = await connectClient(url, kept.code, { name: 'Late joiner' });
    phone.close();
    clock.now = start + 100 * DAY_MS;
    expect(await app.retention.sweep()).toEqual([]);
    expect((await retention(url, kept.code, kept.facilitatorToken)).body.lastActiveAt).toBe(
      start + 80 * DAY_MS,
    );
    // "Keep for another 90 days" counts as activity now.
    clock.now = start + 165 * DAY_MS;
    const keep = await retention(url, kept.code, kept.facilitatorToken, { keep: true });
    expect(keep.body.deletesAt).toBe(start + 255 * DAY_MS);
    clock.now = start + 254 * DAY_MS;
    expect(await app.retention.sweep()).toEqual([]);
    clock.now = start + 256 * DAY_MS;
    expect(await app.retention.sweep()).toEqual([kept.code]);
    expect(await exists(url, kept.code)).toBe(false);
  });

  it('0 keeps boards until deleted; a board’s own retention still holds', async () => {
    const { app, clock, url } = await serverWithClock({ RETENTION_DAYS: '0' });
    const forever = await createBoard(url);
    const own = await createBoard(url);
    expect((await retention(url, own.code, own.facilitatorToken, { days: 30 })).status).toBe(200);
    clock.now += 3650 * DAY_MS;
    expect(await app.retention.sweep()).toEqual([own.code]);
    expect(await exists(url, forever.code)).toBe(true);
    expect(
      (await retention(url, forever.code, forever.facilitatorToken)).body.deletesAt,
    ).toBeNull();
  });

  it('only the board’s facilitator reads or changes it, within the maximum (hostile)', async () => {
    const { url } = await serverWithClock({ RETENTION_MAX_DAYS: '120' });
    const board = await createBoard(url);
    const other = await createBoard(url);
    const joined = await joinOver(controlSocket(url), {
      code: board.code,
      role: 'participant',
      name: 'P',
    });
    if (joined.type !== 'joined') throw new Error('join refused');
    for (const token of [
      null,
      'wrong',
      other.facilitatorToken,
      joined.ticket,
      joined.participantSecret,
    ]) {
      expect((await retention(url, board.code, token)).status).toBe(401);
      expect((await retention(url, board.code, token, { days: 1 })).status).toBe(401);
      expect((await retention(url, board.code, token, { keep: true })).status).toBe(401);
    }
    for (const days of [121, 0, -1, 1.5, '30', undefined])
      expect((await retention(url, board.code, board.facilitatorToken, { days })).status).toBe(400);
    const info = await retention(url, board.code, board.facilitatorToken);
    expect(info.body).toMatchObject({ ownDays: null, maxDays: 120 });
    expect((await retention(url, 'ZZZZZZ', board.facilitatorToken)).status).toBe(404);
  });
});

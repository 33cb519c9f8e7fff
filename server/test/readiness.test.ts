// Readiness (/readyz) and the graceful drain on SIGTERM: a failing store makes a process
// not ready within seconds, and a rolling restart of two processes loses no edit.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { onTestFinished, describe, expect, it } from 'vitest';
import { createEntity, EV, OS_ROOT, WS_CLOSE, YWS_PATH } from '@twinspace/shared';
import { startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { controlSocket, createBoard, eventually, joinOver, tempDir } from './harness.ts';
import { spawnServer } from './process.ts';
import { TEST_REDIS_URL, testPrefix } from './redis-env.ts';

/** The SQLite store, with a switch that makes every write fail (a full or broken disk). */
function breakableStore(dir: string): { store: Store; broken: { on: boolean } } {
  const inner = openSqliteStore(dir);
  const broken = { on: false };
  const failing =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      broken.on ? Promise.reject(new Error('disk I/O error')) : fn(...args);
  const store: Store = {
    ...inner,
    appendUpdate: failing(inner.appendUpdate.bind(inner)),
    ping: failing(() => inner.ping?.() ?? Promise.resolve()),
  };
  return { store, broken };
}

const readyz = async (url: string): Promise<number> => (await fetch(`${url}/readyz`)).status;

describe('readiness', () => {
  it('is ready while the store takes writes, and not ready within seconds when it fails', async () => {
    const { store, broken } = breakableStore(tempDir());
    const config = loadConfig({ DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1' });
    const app = await startApp(config, createLogger('silent'), { store });
    onTestFinished(() => app.close());
    expect(await readyz(app.url)).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    broken.on = true;
    const failedAt = Date.now();
    await eventually(async () => expect(await readyz(app.url)).toBe(503), 5_000);
    expect(Date.now() - failedAt).toBeLessThan(5_000);
    // Alive all the same: /healthz is for "restart me", /readyz for "send me traffic".
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('is not ready once draining', async () => {
    const config = loadConfig({ DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1' });
    const app = await startApp(config, createLogger('silent'));
    onTestFinished(() => app.close());
    app.readiness.startDraining();
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, draining: true });
  });
});

/** A phone that follows "service restart" closes to whichever process is up. */
async function editor(urls: () => string, code: string, name: string) {
  const doc = new Y.Doc();
  let provider: WebsocketProvider | null = null;
  let participant: { participantId: string; participantSecret: string } | null = null;
  let restarts = 0;
  const connect = async (): Promise<void> => {
    const url = urls();
    const socket = controlSocket(url);
    const joined = await joinOver(socket, { code, role: 'participant', name, ...participant });
    socket.close();
    if (joined.type !== 'joined') throw new Error(joined.reason);
    participant = {
      participantId: joined.participantId,
      participantSecret: joined.participantSecret,
    };
    provider?.destroy();
    const next = new WebsocketProvider(url.replace(/^http/, 'ws') + YWS_PATH, code, doc, {
      params: { ticket: joined.ticket },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    next.on('connection-close', (event) => {
      if (event?.code !== WS_CLOSE.serviceRestart || provider !== next) return;
      restarts++;
      void connect();
    });
    provider = next;
  };
  await connect();
  onTestFinished(() => provider?.destroy());
  const topics = doc.getMap<Y.Map<unknown>>(OS_ROOT.topics);
  return {
    topics,
    restarts: () => restarts,
    propose(id: string): void {
      createEntity(topics, id, participant!.participantId, {
        title: id,
        convener: name,
        description: '',
        language: 'en',
      });
    },
  };
}

describe('drain (SIGTERM)', () => {
  it('a rolling restart of two processes loses no edit', async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testPrefix(),
      TICKET_SECRET: 'rolling-restart-secret',
    };
    const a = await spawnServer(env);
    const b = await spawnServer(env);
    const board = await createBoard(a.url);
    const facilitator = controlSocket(a.url);
    await joinOver(facilitator, {
      code: board.code,
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const phase: unknown = await facilitator
      .timeout(10_000)
      .emitWithAck(EV.command, { type: 'set-phase', phase: 'marketplace' });
    expect(phase).toEqual({ type: 'ok' });
    let up = [a.url, b.url];
    const names = ['p1', 'p2', 'p3', 'p4'];
    const clients = await Promise.all(
      names.map((n, i) => editor(() => up[i % up.length]!, board.code, n)),
    );
    const ids: string[] = [];
    const write = (round: number): void =>
      clients.forEach((c, i) => {
        const id = `topic${i}x${round}xxxxx`;
        ids.push(id);
        c.propose(id);
      });
    for (let round = 0; round < 4; round++) write(round);
    // Process a goes away (a rolling restart): its phones follow "service restart" to b.
    up = [b.url];
    const exited = a.kill('SIGTERM');
    for (let round = 4; round < 8; round++) write(round);
    expect(await exited).toBe(0);
    // ...and b is replaced too, by a fresh a'; the phones move again.
    const a2 = await spawnServer(env);
    up = [a2.url];
    const exitedB = b.kill('SIGTERM');
    expect(await exitedB).toBe(0);
    const observer = await editor(() => a2.url, board.code, 'observer');
    await eventually(() => expect([...observer.topics.keys()].sort()).toEqual(ids.sort()), 20_000);
    expect(clients.reduce((n, c) => n + c.restarts(), 0)).toBeGreaterThanOrEqual(4);
  });
});

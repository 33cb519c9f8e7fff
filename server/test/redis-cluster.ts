import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YWS_PATH, type Role } from '@twinspace/shared';
import { controlSocket, joinOver, tempDir, type ControlSocket } from './harness.ts';
import { spawnServer, type ServerProcess } from './process.ts';
import { deleteKeys, TEST_REDIS_URL } from './redis-env.ts';

export interface Cluster {
  prefix: string;
  procs: ServerProcess[];
}

/**
 * `count` server processes on one Redis under a fresh key prefix, each with its own
 * (unused) data directory. When the test ends they are killed, then the prefix's keys
 * deleted: in that order, so that no process writes after the clean-up.
 */
/** The cluster's processes serve /metrics behind this token (METRICS_TOKEN). */
export const METRICS_TOKEN = 'test-metrics-token';

export async function startCluster(
  count: number,
  redisUrl = TEST_REDIS_URL,
  extraEnv: Record<string, string> = {},
): Promise<Cluster> {
  const prefix = `twinspace-test-${randomBytes(4).toString('hex')}:`;
  const procs: ServerProcess[] = [];
  onTestFinished(async () => {
    await Promise.all(procs.map((p) => p.kill()));
    if (redisUrl === TEST_REDIS_URL) await deleteKeys(redisUrl, prefix);
  });
  const env = { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, METRICS_TOKEN, ...extraEnv };
  const started = Array.from({ length: count }, () => spawnServer({ ...env, DATA_DIR: tempDir() }));
  procs.push(...(await Promise.all(started)));
  return { prefix, procs };
}

/**
 * Like startCluster, for a whole test file: call it in beforeAll, pass afterAll. The
 * processes are killed, their data directories and the prefix's keys removed, after the
 * file's last test.
 */
export async function startSharedCluster(
  count: number,
  after: (fn: () => Promise<void>) => void,
  extraEnv: Record<string, string> = {},
): Promise<Cluster> {
  const prefix = `twinspace-test-${randomBytes(4).toString('hex')}:`;
  const dirs = Array.from({ length: count }, () =>
    fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-test-')),
  );
  const procs: ServerProcess[] = [];
  after(async () => {
    await Promise.all(procs.map((p) => p.kill()));
    await deleteKeys(TEST_REDIS_URL, prefix);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ...extraEnv };
  const noCleanup = (): void => undefined; // done above, in order
  const started = dirs.map((dir) => spawnServer({ ...env, DATA_DIR: dir }, noCleanup));
  procs.push(...(await Promise.all(started)));
  return { prefix, procs };
}

export interface Member {
  doc: Y.Doc;
  participantId: string;
  participantSecret: string;
  provider: WebsocketProvider;
  /** The control socket it joined over (its commands go there). */
  socket: ControlSocket;
  close(): void;
}

/**
 * A client like the real one: joins over Socket.IO, then syncs its document over the Yjs
 * endpoint of the same process. `rejoin` comes back as the same participant (and `doc`
 * with the same document), as a phone does after its server went away.
 */
export async function joinAs(
  url: string,
  code: string,
  opts: {
    name?: string;
    role?: Role;
    facilitatorToken?: string;
    doc?: Y.Doc;
    rejoin?: { participantId: string; participantSecret: string };
    /** Another process for the document than for the join (its ticket must hold there). */
    documentUrl?: string;
  } = {},
): Promise<Member> {
  const socket = controlSocket(url);
  const result = await joinOver(socket, {
    code,
    role: opts.role ?? 'participant',
    name: opts.name ?? 'Tester',
    ...(opts.facilitatorToken ? { facilitatorToken: opts.facilitatorToken } : {}),
    ...(opts.rejoin ?? {}),
  });
  if (result.type !== 'joined') throw new Error(`join refused: ${result.reason}`);
  const doc = opts.doc ?? new Y.Doc();
  const documentUrl = opts.documentUrl ?? url;
  const provider = new WebsocketProvider(documentUrl.replace(/^http/, 'ws') + YWS_PATH, code, doc, {
    params: { ticket: result.ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const member: Member = {
    doc,
    participantId: result.participantId,
    participantSecret: result.participantSecret,
    provider,
    socket,
    close: () => {
      provider.destroy();
      socket.close();
    },
  };
  onTestFinished(() => member.close());
  if (!provider.synced) {
    await new Promise<void>((resolve) =>
      provider.on('sync', (synced: boolean) => synced && resolve()),
    );
  }
  return member;
}

/** The metric's value in a Prometheus text scrape (the sum over its label sets). */
export async function scrape(url: string, name: string): Promise<number> {
  const headers = { authorization: `Bearer ${METRICS_TOKEN}` };
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{[^}]*\})? (\S+)$/.exec(line);
    if (match?.[1] === name) total += Number(match[2]);
  }
  return total;
}

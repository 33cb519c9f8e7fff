import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CreateBoardResponse } from '@twinspace/shared';
import type { Protocol, RoomRef } from '../lib/plan.ts';
import { launch, productNodeFlags, ROOT, type Launched } from './launch.ts';

export type ServerKind =
  'twinspace' | 'twinspace-redis' | 'twinspace-routed' | 'hocuspocus' | 'y-websocket';

export const SERVER_LABELS: Record<ServerKind, string> = {
  twinspace: 'Twinspace (1 process)',
  'twinspace-redis': 'Twinspace (2 processes, Redis)',
  'twinspace-routed': 'Twinspace (2 processes, Redis, routed by board)',
  hocuspocus: 'Hocuspocus 3.4.3',
  'y-websocket': '@y/websocket-server 0.1.1',
};

export interface RunningServer {
  kind: ServerKind;
  protocol: Protocol;
  /** One base URL per process; clients are spread over them like a load balancer would. */
  urls: string[];
  /**
   * How: alternating (every client to the next process), or every client of a board to
   * the process its code hashes to (deploy/nginx.conf, docs/scaling.md).
   */
  routeByBoard?: boolean;
  pids: number[];
  createRoom(i: number): Promise<RoomRef>;
  stop(): Promise<void>;
}

/** Thrown when a server variant cannot run here (e.g. scale-out not built yet). */
export class NotAvailable extends Error {}

const HERE = import.meta.dirname;

export async function startServer(kind: ServerKind): Promise<RunningServer> {
  if (kind === 'hocuspocus' || kind === 'y-websocket') return startPeer(kind);
  if (kind === 'twinspace') return startTwinspace(1, kind);
  return startTwinspace(2, kind);
}

async function startPeer(kind: 'hocuspocus' | 'y-websocket'): Promise<RunningServer> {
  const proc = await launch(path.join(HERE, `${kind}.ts`), {});
  const tag = randomBytes(4).toString('hex');
  return {
    kind,
    protocol: kind,
    urls: [`http://127.0.0.1:${proc.port}`],
    pids: [proc.child.pid!],
    createRoom: async (i) => ({ name: `bench-${tag}-${i}` }),
    stop: () => proc.stop(),
  };
}

/** Redis settings for the scaled-out variant: a private key prefix, removed afterwards. */
export const redisPrefix = `twinspace-bench-${randomBytes(4).toString('hex')}:`;

async function startTwinspace(processes: number, kind: ServerKind): Promise<RunningServer> {
  const dataDirs: string[] = [];
  const procs: Launched[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(procs.map((p) => p.stop()));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  const redis =
    processes > 1
      ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: redisPrefix }
      : {};
  try {
    for (let i = 0; i < processes; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-bench-'));
      dataDirs.push(dir);
      // info, not warn: the "listening" line with the port is an info line; info is rare here.
      // One secret for all processes: a ticket from one must open a socket on another.
      const env = {
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
        TICKET_SECRET: 'bench-secret-bench-secret-0123456789',
        // Every simulated phone comes from 127.0.0.1: lift the per-address limits
        // (docs/SECURITY.md) that would otherwise treat the whole benchmark as one client.
        SOCKETS_PER_ADDRESS: '1000000',
        JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR: '1000000',
        PARTICIPANTS_PER_BOARD: '1000000',
        BOARDS_PER_ADDRESS_PER_HOUR: '1000000',
        ...redis,
      };
      procs.push(await launch('server/src/main.ts', env, ROOT, productNodeFlags()));
    }
    const urls = procs.map((p) => `http://127.0.0.1:${p.port}`);
    if (processes > 1) await checkScaleOut(urls);
    return {
      kind,
      routeByBoard: kind === 'twinspace-routed',
      protocol: 'twinspace',
      urls,
      pids: procs.map((p) => p.child.pid!),
      createRoom: (i) => createBoard(urls[0]!, `Benchmark ${i}`),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    if (processes > 1)
      throw new NotAvailable(String(error instanceof Error ? error.message : error));
    throw error;
  }
}

export async function createBoard(url: string, title: string): Promise<RoomRef> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'open-space', title }),
  });
  if (res.status !== 201) throw new Error(`create board: HTTP ${res.status}`);
  const body = (await res.json()) as CreateBoardResponse;
  return { name: body.code, facilitatorToken: body.facilitatorToken };
}

/**
 * The scaled-out variant only counts when the processes really share state: each must
 * report the Redis store, and a board made on one must be known to the other.
 */
async function checkScaleOut(urls: string[]): Promise<void> {
  for (const url of urls) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { store?: string };
    if (health.store !== 'redis')
      throw new Error(`${url}/healthz reports store "${health.store}", not "redis"`);
  }
  const board = await createBoard(urls[0]!, 'scale-out check');
  const res = await fetch(`${urls[1]}/api/boards/${board.name}`);
  if (!res.ok)
    throw new Error(`a board made on process 1 is unknown to process 2 (HTTP ${res.status})`);
}

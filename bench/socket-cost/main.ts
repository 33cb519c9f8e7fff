import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { machine } from '../lib/report.ts';
import { productNodeFlags } from '../servers/launch.ts';

/**
 * What one connection of each transport costs a server in RSS, with the Node flags
 * Twinspace runs with, for all: the floor under "RSS per connection" in the fan-out (issue 6).
 * A Twinspace client holds one of each (Socket.IO for the control plane, ws for Yjs); a
 * y-websocket client holds one ws.
 *   npm run socket-cost -w @twinspace/bench
 */
const CLIENTS = 1000;
const ROUNDS = 5;
type Kind = 'ws' | 'socket.io';

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    if (message) child.send(message);
  });
}

async function connect(kind: Kind, port: number): Promise<{ close(): void }> {
  if (kind === 'socket.io') {
    const socket: Socket = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise((resolve) => socket.once('connect', () => resolve(null)));
    return socket;
  }
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => ws.once('open', resolve));
  return ws;
}

interface Reading {
  rssKb: number;
  heapKb: number;
  connections: number;
}

/** KB per connection: RSS (the measure) and live heap after a full GC (steadier). */
async function measure(kind: Kind): Promise<{ rss: number; heap: number }> {
  const child = fork(path.join(import.meta.dirname, 'server.ts'), [kind], {
    execArgv: ['--import', 'tsx', ...productNodeFlags(), '--expose-gc'],
  });
  try {
    const { port } = await ask<{ port: number }>(child);
    // Warm-up: the first connections compile code and grow pools that later ones reuse;
    // the baseline is taken after them, so it counts connections, not start-up.
    const warm = [];
    for (let i = 0; i < 50; i++) warm.push(await connect(kind, port));
    for (const c of warm) c.close();
    await sleep(500);
    await ask(child, 'rss');
    const before = await ask<Reading>(child, 'rss');
    const clients = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(await connect(kind, port));
    await sleep(1000); // the handshakes' garbage, collected by the gc() before reading
    const after = await ask<Reading>(child, 'rss');
    if (after.connections !== CLIENTS + warm.length)
      throw new Error(`${kind}: ${after.connections} connected`);
    for (const c of clients) c.close();
    return {
      rss: (after.rssKb - before.rssKb) / CLIENTS,
      heap: (after.heapKb - before.heapKb) / CLIENTS,
    };
  } finally {
    child.kill();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const results: Record<Kind, { rss: number; heap: number }[]> = { ws: [], 'socket.io': [] };
for (let round = 0; round < ROUNDS; round++)
  for (const kind of ['ws', 'socket.io'] as const) results[kind].push(await measure(kind));
console.log(JSON.stringify({ machine: machine(), flags: productNodeFlags(), clients: CLIENTS }));
const list = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(', ');
for (const [kind, runs] of Object.entries(results)) {
  const rss = runs.map((r) => r.rss);
  const heap = runs.map((r) => r.heap);
  console.log(
    `${kind.padEnd(10)} per connection: RSS median ${median(rss).toFixed(1)} KB (${list(rss)}), ` +
      `heap+external median ${median(heap).toFixed(1)} KB (${list(heap)})`,
  );
}
process.exit(0);

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import { onTestFinished } from 'vitest';
import { tempDir } from './harness.ts';

/** The machine's Redis; every test works under its own key prefix and deletes it after. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Deletes every key under the prefix (tests share the machine's Redis with others). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** A fresh prefix like `twinspace-test-1a2b3c4d:`, its keys deleted when the test ends. */
export function testPrefix(url = TEST_REDIS_URL): string {
  const prefix = `twinspace-test-${randomBytes(4).toString('hex')}:`;
  onTestFinished(async () => void (await deleteKeys(url, prefix)));
  return prefix;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface OwnRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: with appendfsync always, every acknowledged write is on disk). */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory; it replays its append-only file. */
  start(): Promise<void>;
}

/**
 * A Redis of the test's own, on a free port with an append-only file fsynced on every
 * write, so that it can be killed and restarted without touching the machine's Redis.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = tempDir('twinspace-redis-');
  let child: ChildProcess | null = null;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push('--appendonly', 'yes', '--appendfsync', 'always');
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
        proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        proc.once('exit', (code) =>
          reject(new Error(`redis-server exited with ${code}:\n${output}`)),
        );
        proc.once('error', reject);
      });
    },
    async kill() {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGKILL');
      await exited;
    },
  };
  await own.start();
  onTestFinished(() => own.kill());
  return own;
}

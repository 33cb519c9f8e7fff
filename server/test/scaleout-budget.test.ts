import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '@twinspace/shared';
import { createBoard, eventually } from './harness.ts';
import { startCluster } from './redis-cluster.ts';
import { TEST_REDIS_URL } from './redis-env.ts';

const UNKNOWN = (CODE_ALPHABET[0] ?? 'A').repeat(6);

describe('scaled out: one lookup budget for all processes (docs/SECURITY.md)', () => {
  it('failures on either process spend the same budget in Redis', async () => {
    const { procs, prefix } = await startCluster(2, undefined, { LOOKUP_FAILURES_PER_MINUTE: '4' });
    const [a, b] = procs;
    if (!a || !b) throw new Error('two processes expected');
    const board = await createBoard(a.url);
    const info = (url: string, code: string) => fetch(`${url}/api/boards/${code}`);
    // Two wrong guesses on each process: four in all, the whole budget.
    for (const url of [a.url, a.url, b.url, b.url])
      expect((await info(url, UNKNOWN)).status).toBe(404);
    for (const url of [a.url, b.url]) {
      await eventually(async () => {
        const res = await info(url, board.code);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      });
    }
    // The counters live under the deployment's prefix (REDIS_PREFIX).
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}limit:lookup*`)).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });
});

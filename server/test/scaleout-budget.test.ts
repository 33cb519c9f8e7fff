import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, createEntity, getCards, readCards } from '@twinspace/shared';
import { connectClient, createBoard, eventually, type TestClient } from './harness.ts';
import { joinAs, startCluster } from './redis-cluster.ts';
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

/** `n` cards of 500 characters each (about 600 bytes stored), one update each. */
async function writeCards(client: TestClient, tag: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const id = `card${tag}${String(i).padStart(4, '0')}`;
    // Its own transaction, so its own update (the provider sends each as it is made).
    createEntity(getCards(client.doc), id, client.participantId, { text: tag.repeat(500) });
  }
}

describe('scaled out: one size limit for the board, whichever process stored (SPEC R17)', () => {
  it('counts what the other process appended: two processes do not double MAX_BOARD_BYTES', async () => {
    const { procs } = await startCluster(2, undefined, { MAX_BOARD_BYTES: '100000' });
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const onA = await connectClient(a.url, board.code, { name: 'A' });
    const onB = await connectClient(b.url, board.code, { name: 'B' });
    await writeCards(onA, 'a', 100); // about 60 KB, through process A
    await eventually(() => expect(readCards(onB.doc)).toHaveLength(100));
    await writeCards(onB, 'b', 100); // 60 KB more through B: past the limit
    // Before: B counted only its own appends, took all 100, and the board held 120 KB.
    await eventually(() =>
      expect(onB.notices).toContainEqual({ type: 'update-refused', reason: 'board-full' }),
    );
    const fresh = await joinAs(a.url, board.code, { name: 'Fresh' });
    expect(readCards(fresh.doc).length).toBeLessThan(180);
  });
});

import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EV, WS_CLOSE } from '@twinspace/shared';
import { connectClient, createBoard, eventually, fetchExport, type TestClient } from './harness.ts';
import { startCluster } from './redis-cluster.ts';
import { TEST_REDIS_URL } from './redis-env.ts';

/** Every key under the test's prefix that names the board (SCAN, as an operator would). */
async function keysOf(prefix: string, code: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  onTestFinished(() => redis.disconnect());
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys.filter((key) => key.includes(code)));
  } while (cursor !== '0');
  // The retention indexes name boards as members, not in their keys.
  for (const index of ['retention:default', 'retention:own'])
    if ((await redis.zscore(`${prefix}${index}`, code)) !== null) found.push(index);
  return found.sort();
}

function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

describe('deleting a board scaled out (two processes, Redis)', () => {
  it('closes its sockets on both processes and leaves no key of it', async () => {
    const { prefix, procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url, 'open-space', 'Two processes');
    const onA = await connectClient(a.url, board.code, { name: 'On A' });
    const onB = await connectClient(b.url, board.code, {
      role: 'facilitator',
      name: 'On B',
      facilitatorToken: board.facilitatorToken,
    });
    const [closesA, closesB] = [closeCodes(onA), closeCodes(onB)];
    // A keyed command (its answer is kept in Redis) and presence (a hash per board).
    expect(
      await onA.socket.emitWithAck(EV.command, { type: 'rename', name: 'A', key: 'rename-0001' }),
    ).toEqual({ type: 'ok' });
    onB.socket.emit(EV.presence, { type: 'presence', focus: null, typing: true });
    await eventually(async () =>
      expect(await keysOf(prefix, board.code)).toEqual(
        expect.arrayContaining([
          `${prefix}board:{${board.code}}`,
          `${prefix}board:{${board.code}}:log`,
          `${prefix}board:{${board.code}}:people`,
          `${prefix}board:{${board.code}}:presence`,
          `${prefix}board:{${board.code}}:cmd:${onA.participantId}:rename-0001`,
          'retention:default',
        ]),
      ),
    );
    expect((await keysOf(prefix, board.code)).some((k) => k.includes(':limit:join:'))).toBe(true);

    const res = await fetch(`${a.url}/api/boards/${board.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.facilitatorToken}` },
    });
    expect(res.status).toBe(204);
    await eventually(() => expect(closesA).toContain(WS_CLOSE.boardDeleted));
    await eventually(() => expect(closesB).toContain(WS_CLOSE.boardDeleted));
    await eventually(() => expect(onB.notices).toContainEqual({ type: 'board-deleted' }));
    await eventually(async () => expect(await keysOf(prefix, board.code)).toEqual([]));
    for (const proc of [a, b]) {
      expect((await fetch(`${proc.url}/api/boards/${board.code}`)).status).toBe(404);
      expect((await fetchExport(proc.url, board, 'export.md')).status).toBe(404);
    }
  });
});

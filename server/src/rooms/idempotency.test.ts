import { describe, expect, it } from 'vitest';
import type { CommandResult } from '@twinspace/shared';
import { memoryLedger } from './idempotency.ts';

describe('memoryLedger (one process)', () => {
  it('runs a keyed command once, repeats get the first answer; unkeyed always run', async () => {
    const ledger = memoryLedger();
    let runs = 0;
    const run = async (): Promise<CommandResult> => ({ type: 'ok', data: { n: ++runs } as never });
    const keyed = { type: 'rename', name: 'A', key: 'key-00000001' };
    const first = await ledger.run('ABC234', 'p1', keyed, run);
    expect(await ledger.run('ABC234', 'p1', keyed, run)).toEqual(first);
    // Concurrent repeats share the first attempt.
    const k2 = { ...keyed, key: 'key-00000002' };
    const [x, y] = await Promise.all([
      ledger.run('ABC234', 'p1', k2, run),
      ledger.run('ABC234', 'p1', k2, run),
    ]);
    expect(x).toEqual(y);
    // Keys are per participant and board; no key, or a malformed one, runs every time.
    await ledger.run('ABC234', 'p2', keyed, run);
    await ledger.run('ABC234', 'p1', { type: 'rename', name: 'A' }, run);
    await ledger.run('ABC234', 'p1', { type: 'rename', name: 'A', key: '!' }, run);
    expect(runs).toBe(5);
  });

  it('forgets a key whose command failed, so it can be tried again', async () => {
    const ledger = memoryLedger();
    const keyed = { type: 'rename', name: 'A', key: 'key-00000003' };
    await expect(
      ledger.run('C', 'p', keyed, () => Promise.reject(new Error('x'))),
    ).rejects.toThrow();
    expect(await ledger.run('C', 'p', keyed, async () => ({ type: 'ok' }))).toEqual({ type: 'ok' });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CommandResult } from '@twinspace/shared';
import { sqliteLedger } from './idempotency-sqlite.ts';

const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-ledger-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('sqliteLedger (one process, embedded store)', () => {
  it('answers a repeat with the first answer after a restart; forgets a deleted board', async () => {
    const dir = tempDir();
    let runs = 0;
    const run = async (): Promise<CommandResult> => ({ type: 'ok', data: { n: ++runs } as never });
    const ask = { type: 'qa-ask', text: 'Where is lunch?', anonymous: false, key: 'key-00000001' };
    const before = sqliteLedger(dir);
    const first = await before.run('ABC234', 'p1', ask, run);
    before.close(); // the process dies; its answers stay on disk
    const after = sqliteLedger(dir);
    onTestFinished(() => after.close());
    expect(await after.run('ABC234', 'p1', ask, run)).toEqual(first);
    expect(runs).toBe(1);
    // Per participant; no key runs every time; a failed attempt may be tried again.
    await after.run('ABC234', 'p2', ask, run);
    await after.run('ABC234', 'p1', { type: 'qa-ask', text: 'x', anonymous: false }, run);
    const k3 = { ...ask, key: 'key-00000003' };
    await expect(
      after.run('ABC234', 'p1', k3, () => Promise.reject(new Error('x'))),
    ).rejects.toThrow();
    expect(await after.run('ABC234', 'p1', k3, run)).toEqual({ type: 'ok', data: { n: 4 } });
    expect(runs).toBe(4);
    after.forget('ABC234');
    await after.run('ABC234', 'p1', ask, run);
    expect(runs).toBe(5);
  });

  it('does not answer from an expired entry', async () => {
    const ledger = sqliteLedger(tempDir(), 'twinspace.db', -1);
    onTestFinished(() => ledger.close());
    let runs = 0;
    const run = async (): Promise<CommandResult> => ({ type: 'ok', data: { n: ++runs } as never });
    const keyed = { type: 'rename', name: 'A', key: 'key-00000009' };
    await ledger.run('C', 'p', keyed, run);
    await ledger.run('C', 'p', keyed, run);
    expect(runs).toBe(2);
  });
});

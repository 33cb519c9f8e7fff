import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Arbiter } from './arbiter.ts';
import { NotStoredError } from './notStored.ts';
import { switchableArbiter } from './arbiter-fakes.ts';

/** A mutex that records each hold; `fn` runs with the log head 0. */
function fakeMutex() {
  const holds: number[] = [];
  let held = false;
  const exclusive = async <T>(_code: string, fn: (head: number) => Promise<T>): Promise<T> => {
    if (held) throw new Error('two holders at once');
    held = true;
    holds.push(0);
    try {
      return await fn(0);
    } finally {
      held = false;
    }
  };
  return { holds, exclusive };
}

describe('Arbiter', () => {
  it('runs every decision waiting together under one hold, each seeing the ones before', async () => {
    const doc = new Y.Doc();
    const { holds, exclusive } = fakeMutex();
    const write = async (change: (d: Y.Doc) => void): Promise<void> =>
      void doc.transact(() => change(doc));
    const arbiter = new Arbiter('ABCDEF', exclusive, async () => undefined, write);
    const budget = doc.getMap<number>('budget');
    const spend = (d: Y.Doc): void => {
      const left = d.getMap<number>('budget').get('left') ?? 3;
      if (left > 0) d.getMap<number>('budget').set('left', left - 1);
    };
    const first = arbiter.run(spend);
    const rest = Array.from({ length: 9 }, () => arbiter.run(spend));
    await Promise.all([first, ...rest]);
    expect(budget.get('left')).toBe(0);
    // The first decision takes the mutex alone; the nine that came meanwhile share one hold.
    expect(holds.length).toBeLessThanOrEqual(2);
  });

  it('fails the decisions of a hold that could not be taken, and goes on with later ones', async () => {
    let refuse = true;
    const arbiter = switchableArbiter(() => refuse);
    // Nothing ran: the command is answered 'not-stored' and the outbox sends it again (R11).
    const failure: unknown = await arbiter.run(() => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotStoredError);
    expect((failure as Error).cause).toEqual(new Error('board is busy'));
    refuse = false;
    await expect(arbiter.run(() => undefined)).resolves.toBeUndefined();
  });

  it('R11: each decision of a hold hears whether its own write was stored', async () => {
    const { exclusive } = fakeMutex();
    // The room rejects a write its store did not take (Room.writeAsServer).
    const write = async (change: (d: Y.Doc) => void): Promise<void> => {
      const doc = new Y.Doc();
      change(doc);
      if (doc.getMap<boolean>('x').get('lost')) throw new Error('not stored');
    };
    const arbiter = new Arbiter('ABCDEF', exclusive, async () => undefined, write);
    const first = arbiter.run(() => undefined);
    const lost = arbiter.run((d) => d.getMap<boolean>('x').set('lost', true));
    const kept = arbiter.run(() => undefined);
    await expect(first).resolves.toBeUndefined();
    await expect(lost).rejects.toThrow('not stored');
    // Before: the whole hold failed with it, a stored decision answered as refused.
    await expect(kept).resolves.toBeUndefined();
  });
});

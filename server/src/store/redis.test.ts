import { setTimeout as pause } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { freePort, TEST_REDIS_URL, testPrefix } from '../../test/redis-env.ts';
import { createLogger } from '../log.ts';
import { RoomRegistry } from '../rooms/registry.ts';
import { combineHooks } from '../rooms/types.ts';
import { storeContract } from '../../test/store-contract.ts';
import { teamStoreContract } from '../../test/team-store-contract.ts';
import { openRedisStore } from './redis.ts';
import type { BoardRecord, Store } from './types.ts';

const open = async (prefix: string): Promise<Store> => {
  const store = await openRedisStore({ url: TEST_REDIS_URL, prefix });
  onTestFinished(() => store.close());
  return store;
};

const board = (code: string): BoardRecord => ({
  code,
  kind: 'open-space',
  title: code,
  createdAt: 1,
  facilitatorTokenHash: 'ab'.repeat(32),
});

const edit = (doc: Y.Doc, key: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getMap('meta').set(key, key);
  return Y.encodeStateAsUpdate(doc, before);
};

const collect = (
  store: Store,
  code: string,
  after: number,
): { seq: number; update: Uint8Array }[] => {
  const got: { seq: number; update: Uint8Array }[] = [];
  const unsubscribe = store.subscribe!(code, after, (update, seq) => got.push({ seq, update }));
  onTestFinished(unsubscribe);
  return got;
};

const until = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in 10 s');
    await pause(5); // a poll interval, not a wait for an outcome
  }
};

describe('Redis store', () => {
  storeContract(() => open(testPrefix()));
  teamStoreContract(() => open(testPrefix()));

  it('keeps every byte of updates and snapshots (no JSON on the way)', async () => {
    const store = await open(testPrefix());
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const slice = new Uint8Array([9, 0, 255, 128, 0, 7]).subarray(1, 5);
    await store.createBoard(board('BINARY'), all);
    await store.appendUpdate('BINARY', slice);
    await store.compact('BINARY', all.slice().reverse(), 1);
    const loaded = await store.loadDoc('BINARY');
    expect(loaded.snapshot).toEqual(all.slice().reverse());
    expect(loaded.updates).toEqual([new Uint8Array([0, 255, 128, 0])]);
    expect(loaded.lastSeq).toBe(2);
  });

  it('gives two processes one ordered log, and each follows all of it', async () => {
    const prefix = testPrefix();
    const [a, b] = [await open(prefix), await open(prefix)];
    const doc = new Y.Doc();
    await a.createBoard(board('SHARED'), edit(doc, 'start'));
    const seenA = collect(a, 'SHARED', 1);
    const seenB = collect(b, 'SHARED', 1);
    const appends = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? a : b).appendUpdate('SHARED', edit(doc, `k${i}`)),
    );
    const seqs = await Promise.all(appends);
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    await until(() => seenA.length === 60 && seenB.length === 60);
    expect(seenA.map((e) => e.seq)).toEqual(seenB.map((e) => e.seq));
    expect(seenA.map((e) => e.seq)).toEqual([...seqs].sort((x, y) => x - y));
    expect(await a.secret('ticket')).toBe(await b.secret('ticket'));
  });

  it('never lets a lagging compaction replace a newer snapshot', async () => {
    const store = await open(testPrefix());
    const doc = new Y.Doc();
    await store.createBoard(board('LAGGED'), edit(doc, 'a'));
    for (const key of ['b', 'c', 'd']) await store.appendUpdate('LAGGED', edit(doc, key));
    await store.compact('LAGGED', Y.encodeStateAsUpdate(doc), 4);
    await store.compact('LAGGED', new Uint8Array([0, 0]), 2);
    const loaded = await store.loadDoc('LAGGED');
    expect(loaded.snapshot).toEqual(Y.encodeStateAsUpdate(doc));
    expect(loaded).toMatchObject({ updates: [], lastSeq: 4 });
  });

  it('leaves the log alone while another process holds the compaction lock', async () => {
    const prefix = testPrefix();
    const store = await open(prefix);
    const doc = new Y.Doc();
    await store.createBoard(board('LOCKED'), edit(doc, 'a'));
    const raw = new Redis(TEST_REDIS_URL);
    onTestFinished(() => void raw.disconnect());
    await raw.set(`${prefix}board:{LOCKED}:compacting`, 'someone else', 'PX', 10_000);
    await store.compact('LOCKED', Y.encodeStateAsUpdate(doc), 1);
    expect(await store.loadDoc('LOCKED')).toMatchObject({ snapshot: null, lastSeq: 1 });
    await raw.del(`${prefix}board:{LOCKED}:compacting`);
    await store.compact('LOCKED', Y.encodeStateAsUpdate(doc), 1);
    expect((await store.loadDoc('LOCKED')).snapshot).not.toBeNull();
  });

  it('hands a subscriber the snapshot when the entries it missed were compacted away', async () => {
    const prefix = testPrefix();
    const [a, b] = [await open(prefix), await open(prefix)];
    const doc = new Y.Doc();
    await a.createBoard(board('BEHIND'), edit(doc, 'k1'));
    for (let i = 2; i <= 5; i++) await a.appendUpdate('BEHIND', edit(doc, `k${i}`));
    await a.compact('BEHIND', Y.encodeStateAsUpdate(doc), 4);
    const seen = collect(b, 'BEHIND', 1); // b loaded at seq 1, then fell behind
    await until(() => seen.length === 2);
    expect(seen.map((e) => e.seq)).toEqual([4, 5]);
    const replica = new Y.Doc();
    for (const e of seen) Y.applyUpdate(replica, e.update);
    expect(replica.getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());
  });

  it('refuses appends to a deleted board (another process may still have it loaded)', async () => {
    const store = await open(testPrefix());
    await store.createBoard(board('GONEGO'), new Uint8Array([0, 0]));
    await store.deleteBoard('GONEGO');
    await expect(store.appendUpdate('GONEGO', new Uint8Array([0, 0]))).rejects.toThrow(/no board/);
  });

  it('fails fast with a clear message when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(openRedisStore({ url, prefix: 'nobody:' })).rejects.toThrow(
      new RegExp(`cannot reach Redis at ${url}/?: .*ECONNREFUSED`),
    );
  });
});

describe('compaction with several processes on one log', () => {
  /** Process B's subscription is held back: it has not seen A's update when it compacts. */
  const heldBack = (store: Store): { store: Store; release(): void } => {
    const held: (() => void)[] = [];
    let open = false;
    return {
      store: {
        ...store,
        subscribe: (code, after, onUpdate) =>
          store.subscribe!(code, after, (u, s) =>
            open ? onUpdate(u, s) : held.push(() => onUpdate(u, s)),
          ),
      },
      release() {
        open = true;
        for (const deliver of held.splice(0)) deliver();
      },
    };
  };

  it('does not drop an entry from the log that this process has not applied yet', async () => {
    const prefix = testPrefix();
    const [a, b, reader] = [await open(prefix), heldBack(await open(prefix)), await open(prefix)];
    await a.createBoard(board('GAPGAP'), new Uint8Array([0, 0]));
    const log = createLogger('silent');
    const hooks = combineHooks([], () => undefined);
    const roomA = await new RoomRegistry(a, hooks, log).acquire('GAPGAP');
    const roomB = await new RoomRegistry(b.store, hooks, log).acquire('GAPGAP');
    onTestFinished(() => (roomA.destroy(), roomB.destroy()));

    await roomA.writeAsServer((doc) => doc.getMap('meta').set('fromA', 1)); // seq 2
    await roomB.writeAsServer((doc) => doc.getMap('meta').set('fromB', 1)); // seq 3
    await roomB.flush(); // compacts B's document, which lacks seq 2
    const replay = async (): Promise<unknown> => {
      const stored = await reader.loadDoc('GAPGAP');
      const doc = new Y.Doc();
      for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
        Y.applyUpdate(doc, u);
      return doc.getMap('meta').toJSON();
    };
    expect(await replay()).toEqual({ fromA: 1, fromB: 1 });

    b.release();
    await until(() => roomB.doc.getMap('meta').get('fromA') === 1 && roomB.seq === 3);
    await roomB.writeAsServer((doc) => doc.getMap('meta').set('again', 1)); // seq 4
    await until(() => roomB.seq === 4);
    await roomB.flush();
    expect(await reader.loadDoc('GAPGAP')).toMatchObject({ updates: [], lastSeq: 4 });
    expect(await replay()).toEqual({ fromA: 1, fromB: 1, again: 1 });
  });
});

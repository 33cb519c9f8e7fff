import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodeTakenError, type BoardRecord, type Store } from '../src/store/types.ts';
import { eventStoreContract } from './event-store-contract.ts';

const board = (code: string): BoardRecord => ({
  code,
  kind: 'open-space',
  title: `Board ${code}`,
  createdAt: 1_700_000_000_000,
  facilitatorTokenHash: 'ab'.repeat(32),
});

const updateSetting = (doc: Y.Doc, key: string, value: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getMap('meta').set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
};

const replay = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc => {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
};

/**
 * The behaviour every Store adapter must have; each adapter's test file runs it with
 * a factory that gives a fresh, empty store and registers its own cleanup.
 */
export function storeContract(open: () => Promise<Store>): void {
  it('creates, finds and refuses a taken code', async () => {
    const store = await open();
    const doc = new Y.Doc();
    await store.createBoard(board('AAAAAA'), updateSetting(doc, 'title', 'x'));
    expect(await store.getBoard('AAAAAA')).toEqual(board('AAAAAA'));
    expect(await store.getBoard('BBBBBB')).toBeNull();
    await expect(store.createBoard(board('AAAAAA'), new Uint8Array([0, 0]))).rejects.toBeInstanceOf(
      CodeTakenError,
    );
  });

  it('appends updates in order and replays them', async () => {
    const store = await open();
    const doc = new Y.Doc();
    await store.createBoard(board('CCCCCC'), updateSetting(doc, 'a', '0'));
    const seqs: number[] = [];
    for (let i = 1; i <= 20; i++)
      seqs.push(await store.appendUpdate('CCCCCC', updateSetting(doc, `k${i}`, `v${i}`)));
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const stored = await store.loadDoc('CCCCCC');
    expect(stored.updates).toHaveLength(21);
    expect(replay(stored).getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());
  });

  it('compacts into a snapshot and keeps what came after', async () => {
    const store = await open();
    const doc = new Y.Doc();
    await store.createBoard(board('DDDDDD'), updateSetting(doc, 'a', '0'));
    for (let i = 0; i < 10; i++)
      await store.appendUpdate('DDDDDD', updateSetting(doc, `k${i}`, 'v'));
    const loaded = await store.loadDoc('DDDDDD');
    await store.compact('DDDDDD', Y.encodeStateAsUpdate(doc), loaded.lastSeq);
    await store.appendUpdate('DDDDDD', updateSetting(doc, 'after', 'yes'));
    const again = await store.loadDoc('DDDDDD');
    expect(again.snapshot).not.toBeNull();
    expect(again.updates).toHaveLength(1);
    expect(replay(again).getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());
  });

  it('keeps participants and deletes a board with everything in it', async () => {
    const store = await open();
    await store.createBoard(board('EEEEEE'), new Uint8Array([0, 0]));
    const p = {
      board: 'EEEEEE',
      id: 'person0001',
      secretHash: 'cd'.repeat(32),
      name: 'Olena',
      role: 'participant' as const,
      city: 'Kyiv',
      language: 'uk',
      createdAt: 1,
    };
    await store.putParticipant(p);
    expect(await store.getParticipant('EEEEEE', 'person0001')).toEqual(p);
    await store.putParticipant({ ...p, name: 'Olena K.' });
    expect((await store.getParticipant('EEEEEE', 'person0001'))?.name).toBe('Olena K.');
    await store.deleteBoard('EEEEEE');
    expect(await store.getBoard('EEEEEE')).toBeNull();
    expect(await store.getParticipant('EEEEEE', 'person0001')).toBeNull();
    expect((await store.loadDoc('EEEEEE')).updates).toHaveLength(0);
  });

  it('writes nothing into a deleted board, and deletes one participant', async () => {
    const store = await open();
    await store.createBoard(board('FFFFFF'), new Uint8Array([0, 0]));
    const p = {
      board: 'FFFFFF',
      id: 'person0002',
      secretHash: 'cd'.repeat(32),
      name: 'Ilze',
      role: 'participant' as const,
      city: undefined,
      language: undefined,
      createdAt: 1,
    };
    await store.putParticipant(p);
    await store.deleteParticipant('FFFFFF', p.id);
    expect(await store.getParticipant('FFFFFF', p.id)).toBeNull();
    await store.deleteBoard('FFFFFF');
    await store.putParticipant(p); // a join racing the deletion
    expect(await store.getParticipant('FFFFFF', p.id)).toBeNull();
    await expect(store.appendUpdate('FFFFFF', new Uint8Array([0, 0]))).rejects.toThrow();
    expect((await store.loadDoc('FFFFFF')).updates).toHaveLength(0);
  });

  it('finds the boards whose retention ran out (docs/privacy.md)', async () => {
    const store = await open();
    const day = 86_400_000;
    const t0 = 1_700_000_000_000; // board()'s createdAt
    for (const code of ['GGGGGG', 'HHHHHH', 'JJJJJJ'])
      await store.createBoard(board(code), new Uint8Array([0, 0]));
    await store.touchBoard('HHHHHH', t0 + 50 * day);
    await store.setRetention('JJJJJJ', 10);
    const expired = async (at: number, days = 90) =>
      (await store.expiredBoards(at, days, 10)).sort();
    expect(await expired(t0 + 9 * day)).toEqual([]);
    expect(await expired(t0 + 11 * day)).toEqual(['JJJJJJ']);
    expect(await expired(t0 + 91 * day)).toEqual(['GGGGGG', 'JJJJJJ']);
    expect(await expired(t0 + 141 * day)).toEqual(['GGGGGG', 'HHHHHH', 'JJJJJJ']);
    expect(await expired(t0 + 141 * day, 0)).toEqual(['JJJJJJ']); // 0: kept forever
    await store.touchBoard('HHHHHH', t0); // activity never goes back in time
    expect((await store.getBoard('HHHHHH'))?.lastActiveAt).toBe(t0 + 50 * day);
    await store.setRetention('JJJJJJ', null);
    expect((await store.getBoard('JJJJJJ'))?.retentionDays).toBeUndefined();
    expect(await expired(t0 + 11 * day)).toEqual([]);
    await store.deleteBoard('GGGGGG');
    await store.touchBoard('GGGGGG', t0); // never brings a deleted board back
    expect(await store.getBoard('GGGGGG')).toBeNull();
    expect(await expired(t0 + 91 * day)).toEqual(['JJJJJJ']);
  });

  it('keeps one secret per name', async () => {
    const store = await open();
    const a = await store.secret('ticket');
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(await store.secret('ticket')).toBe(a);
    expect(await store.secret('other')).not.toBe(a);
  });

  eventStoreContract(open);
}

import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEST_REDIS_URL, testPrefix } from '../../test/redis-env.ts';
import { tempDir } from '../../test/harness.ts';
import type { PhotoCaps, PhotoRecord } from './photos.ts';
import { openRedisStore } from './redis.ts';
import { openSqliteStore } from './sqlite.ts';
import type { BoardRecord, Store } from './types.ts';

const CAPS: PhotoCaps = { perPerson: 2, perBoard: 3, boardBytes: 1000, totalBytes: 1200 };
const board = (code: string): BoardRecord => ({
  code,
  kind: 'open-space',
  title: code,
  createdAt: 1,
  facilitatorTokenHash: 'ab'.repeat(32),
});
const photo = (code: string, id: string, owner: string, size = 100): PhotoRecord => ({
  board: code,
  id,
  owner,
  type: 'image/jpeg',
  size,
  createdAt: Date.now(),
});
const bytes = (size: number): Uint8Array => new Uint8Array(size).fill(7);

/** The same behaviour from both stores: caps checked with the write, photos gone with the board. */
function photoContract(open: () => Promise<Store>): void {
  it('stores, reads back, and holds every cap with a typed answer', async () => {
    const store = await open();
    await store.createBoard(board('PHOTOS'), new Uint8Array([0, 0]));
    await store.createBoard(board('OTHERS'), new Uint8Array([0, 0]));
    const put = (id: string, owner: string, size = 100, code = 'PHOTOS') =>
      store.photos.put(photo(code, id, owner, size), bytes(size), CAPS);
    expect(await put('photo00001', 'ana')).toBe('ok');
    expect((await store.photos.get('PHOTOS', 'photo00001'))?.bytes).toEqual(bytes(100));
    expect(await put('photo00002', 'ana')).toBe('ok');
    expect(await put('photo00003', 'ana')).toBe('person-full');
    expect(await put('photo00004', 'bo', 900)).toBe('board-full');
    expect(await put('photo00005', 'bo')).toBe('ok');
    expect(await put('photo00006', 'cy')).toBe('board-full');
    expect(await put('photo00007', 'cy', 1000, 'OTHERS')).toBe('store-full');
    expect(await put('photo00008', 'cy', 100, 'NOBODY')).toBe('no-board');
    expect((await store.photos.list('PHOTOS')).map((p) => p.id)).toEqual([
      'photo00001',
      'photo00002',
      'photo00005',
    ]);
    await store.photos.remove('PHOTOS', 'photo00001');
    expect(await store.photos.get('PHOTOS', 'photo00001')).toBeNull();
    expect(await put('photo00009', 'ana')).toBe('ok');
    expect(await store.photos.totalBytes()).toBe(300);
  });

  it('deleteBoard removes the board photos and only them', async () => {
    const store = await open();
    await store.createBoard(board('GOINGG'), new Uint8Array([0, 0]));
    await store.createBoard(board('STAYSS'), new Uint8Array([0, 0]));
    expect(await store.photos.put(photo('GOINGG', 'photo00001', 'ana'), bytes(100), CAPS)).toBe(
      'ok',
    );
    expect(await store.photos.put(photo('STAYSS', 'photo00002', 'ana', 50), bytes(50), CAPS)).toBe(
      'ok',
    );
    await store.deleteBoard('GOINGG');
    expect(await store.photos.get('GOINGG', 'photo00001')).toBeNull();
    expect(await store.photos.list('GOINGG')).toEqual([]);
    expect(await store.photos.get('STAYSS', 'photo00002')).not.toBeNull();
    expect(await store.photos.totalBytes()).toBe(50);
  });
}

describe('photos in the SQLite store', () => {
  photoContract(async () => {
    const store = openSqliteStore(tempDir());
    onTestFinished(() => store.close());
    return store;
  });
});

describe('photos in the Redis store', () => {
  photoContract(async () => {
    const prefix = testPrefix();
    const store = await openRedisStore({ url: TEST_REDIS_URL, prefix });
    onTestFinished(() => store.close());
    return store;
  });

  it('leaves no key of a deleted board behind', async () => {
    const prefix = testPrefix();
    const store = await openRedisStore({ url: TEST_REDIS_URL, prefix });
    onTestFinished(() => store.close());
    await store.createBoard(board('GONEGO'), new Uint8Array([0, 0]));
    await store.photos.put(photo('GONEGO', 'photo00001', 'ana'), bytes(10), CAPS);
    await store.deleteBoard('GONEGO');
    const redis = new Redis(TEST_REDIS_URL);
    onTestFinished(() => redis.disconnect());
    expect(await redis.keys(`${prefix}board:{GONEGO}*`)).toEqual([]);
  });
});

import type { Redis } from 'ioredis';
import type { PhotoPut, PhotoRecord, PhotoStore } from './photos.ts';

/**
 * One board's photos, all in the board's hash slot: the bytes (hash id -> image), the facts
 * (hash id -> JSON) and the counts (hash: n, bytes, o:<owner>). The caps of a board are
 * checked and the photo written in one script, so two processes cannot both take the last
 * place. The total over all boards is one more counter, in its own slot (a cluster would
 * refuse a script spanning both): checked before the script and counted after, so it can be
 * passed by at most the uploads running at that moment, each under the per-photo limit.
 */
const PUT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'no-board' end
if tonumber(redis.call('HGET', KEYS[4], 'o:' .. ARGV[2]) or '0') >= tonumber(ARGV[5]) then return 'person-full' end
local n = tonumber(redis.call('HGET', KEYS[4], 'n') or '0')
local bytes = tonumber(redis.call('HGET', KEYS[4], 'bytes') or '0')
if n >= tonumber(ARGV[6]) or bytes + tonumber(ARGV[4]) > tonumber(ARGV[7]) then return 'board-full' end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[8])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('HINCRBY', KEYS[4], 'n', 1)
redis.call('HINCRBY', KEYS[4], 'bytes', ARGV[4])
redis.call('HINCRBY', KEYS[4], 'o:' .. ARGV[2], 1)
return 'ok'`;

/** Removes one photo and its counts; answers the bytes freed (0 if it was not there). */
const REMOVE = `
local facts = redis.call('HGET', KEYS[2], ARGV[1])
if not facts then return 0 end
local record = cjson.decode(facts)
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[3], 'n', -1)
redis.call('HINCRBY', KEYS[3], 'bytes', -record.size)
redis.call('HINCRBY', KEYS[3], 'o:' .. record.owner, -1)
return record.size`;

export interface RedisPhotoKeys {
  board: (code: string) => string;
  photoBytes: (code: string) => string;
  photoFacts: (code: string) => string;
  photoCounts: (code: string) => string;
  photoTotal: () => string;
}

const toRecord = (board: string, json: string): PhotoRecord => {
  const r = JSON.parse(json) as Partial<PhotoRecord>;
  return {
    board,
    id: r.id ?? '',
    owner: r.owner ?? '',
    type: r.type ?? 'image/jpeg',
    size: r.size ?? 0,
    createdAt: r.createdAt ?? 0,
  };
};

export function redisPhotos(
  redis: Redis,
  k: RedisPhotoKeys,
): { photos: PhotoStore; deleteBoard: (code: string) => Promise<void> } {
  const totalBytes = async (): Promise<number> => Number((await redis.get(k.photoTotal())) ?? 0);
  return {
    /** Before the board's keys go: the total forgets the board's bytes. */
    async deleteBoard(code) {
      const bytes = Number((await redis.hget(k.photoCounts(code), 'bytes')) ?? 0);
      await redis.del(k.photoBytes(code), k.photoFacts(code), k.photoCounts(code));
      if (bytes > 0) await redis.decrby(k.photoTotal(), bytes);
    },
    photos: {
      async put(r, bytes, caps) {
        if ((await totalBytes()) + r.size > caps.totalBytes) return 'store-full';
        const facts = JSON.stringify({
          id: r.id,
          owner: r.owner,
          type: r.type,
          size: r.size,
          createdAt: r.createdAt,
        });
        const keys = [
          k.board(r.board),
          k.photoBytes(r.board),
          k.photoFacts(r.board),
          k.photoCounts(r.board),
        ];
        const args = [r.id, r.owner, facts, r.size, caps.perPerson, caps.perBoard, caps.boardBytes];
        const out = String(
          await redis.eval(PUT, keys.length, ...keys, ...args.map(String), Buffer.from(bytes)),
        ) as PhotoPut;
        if (out === 'ok') await redis.incrby(k.photoTotal(), r.size);
        return out;
      },
      async get(board, id) {
        const [bytes, facts] = await Promise.all([
          redis.hgetBuffer(k.photoBytes(board), id),
          redis.hget(k.photoFacts(board), id),
        ]);
        if (!bytes || !facts) return null;
        return { record: toRecord(board, facts), bytes: new Uint8Array(bytes) };
      },
      async list(board) {
        const all = await redis.hgetall(k.photoFacts(board));
        return Object.values(all)
          .map((json) => toRecord(board, json))
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      },
      async remove(board, id) {
        const keys = [k.photoBytes(board), k.photoFacts(board), k.photoCounts(board)];
        const freed = Number(await redis.eval(REMOVE, keys.length, ...keys, id));
        if (freed > 0) await redis.decrby(k.photoTotal(), freed);
      },
      totalBytes,
    },
  };
}

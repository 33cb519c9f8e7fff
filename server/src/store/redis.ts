import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { TIMING, type BoardKind } from '@twinspace/shared';
import { AwarenessRelay } from './redis-awareness.ts';
import { redisEvents } from './events-redis.ts';
import { LogReader, seqOf } from './redis-log.ts';
import { deleteKeysStartingWith } from './redis-scan.ts';
import {
  CodeTakenError,
  type BoardRecord,
  type ParticipantRecord,
  type Store,
  type StoredDoc,
} from './types.ts';
import { redisPhotos } from './photos-redis.ts';
import { redisTeamStore } from './redis-team.ts';

/**
 * Scripts run atomically in Redis, so every process sees one total order of the log:
 * the per-board counter and the stream entry `<seq>-0` are written together.
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'kind', ARGV[1], 'title', ARGV[2], 'createdAt', ARGV[3], 'facilitatorTokenHash', ARGV[4])
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], seq .. '-0', 'u', ARGV[5])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[6])
return seq`;

/** A participant is recorded only while the board exists (a join racing its deletion). */
const PUT_PERSON = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[3] == '1' then return redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
return redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])`;

/**
 * Retention (docs/privacy.md): a board on the deployment's default is indexed by its last
 * activity, one with its own retention by the time it expires, so the sweeper reads both
 * with one range each. ARGV: activity time or '', days ('-' unchanged, '' default, n), code,
 * one day in ms.
 */
const RETAIN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local last = tonumber(redis.call('HGET', KEYS[1], 'lastActiveAt') or redis.call('HGET', KEYS[1], 'createdAt') or '0')
if ARGV[1] ~= '' and tonumber(ARGV[1]) > last then last = tonumber(ARGV[1]) end
redis.call('HSET', KEYS[1], 'lastActiveAt', string.format('%d', last))
if ARGV[2] == '' then redis.call('HDEL', KEYS[1], 'retentionDays')
elseif ARGV[2] ~= '-' then redis.call('HSET', KEYS[1], 'retentionDays', ARGV[2]) end
local days = redis.call('HGET', KEYS[1], 'retentionDays')
if days then
  redis.call('ZREM', KEYS[2], ARGV[3])
  redis.call('ZADD', KEYS[3], string.format('%d', last + tonumber(days) * tonumber(ARGV[4])), ARGV[3])
else
  redis.call('ZREM', KEYS[3], ARGV[3])
  redis.call('ZADD', KEYS[2], string.format('%d', last), ARGV[3])
end
return 1`;

const DAY_MS = 86_400_000;

const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('ERR no board ' .. KEYS[1]) end
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], seq .. '-0', 'u', ARGV[1])
return seq`;

/** A snapshot never goes back in time: a lagging process must not replace a newer one. */
const COMPACT = `
if redis.call('GET', KEYS[4]) ~= ARGV[3] then return -1 end
if redis.call('EXISTS', KEYS[1]) == 0 then return -2 end
local current = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
if current >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[2], 'data', ARGV[1], 'seq', ARGV[2])
redis.call('XTRIM', KEYS[3], 'MINID', (tonumber(ARGV[2]) + 1) .. '-0')
return 1`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Takes a mutex that expires if its holder dies (SET NX PX), retrying with a short,
 * growing pause; gives up with an error rather than waiting forever. A holder keeps it for
 * one batch of decisions (a few ms, rooms/arbiter.ts), so the pause stays under 8 ms: a
 * longer one left the board idle between holders (vote storm p50 875 ms at 50 ms, 22 ms at 8).
 */
async function acquire(redis: Redis, key: string, token: string): Promise<void> {
  const deadline = Date.now() + TIMING.boardMutexWaitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 8)) {
    if ((await redis.set(key, token, 'PX', TIMING.boardMutexMs, 'NX')) === 'OK') return;
    if (Date.now() > deadline) throw new Error(`board is busy: ${key}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

export interface RedisStoreOptions {
  url: string;
  /** Every key starts with it, so deployments and tests can share one Redis. */
  prefix: string;
  /** Connection trouble after start (Redis restarting, network): logged, retried. */
  onError?: (error: unknown) => void;
}

/** The URL without its password, for messages. */
export const redactUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an invalid REDIS_URL';
  }
};

/**
 * Connects once, or fails with a message that says where and why: ioredis would
 * otherwise retry forever and the server would hang at start. After that first
 * connection, ioredis reconnects by itself; a command fails after a couple of retries
 * instead of waiting in a queue for as long as Redis is away.
 */
export async function connectRedis(
  url: string,
  name: string,
  onError?: (error: unknown) => void,
): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMING.redisConnectTimeoutMs,
    maxRetriesPerRequest: 2,
    connectionName: name,
  });
  let connected = false;
  let firstError: unknown = null;
  redis.on('error', (error: unknown) => {
    if (connected) onError?.(error);
    else firstError ??= error;
  });
  try {
    await redis.connect();
    connected = true;
  } catch (error) {
    redis.disconnect();
    const cause = firstError ?? error;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${why}`, { cause: error });
  }
  return redis;
}

/**
 * The scale-out store: one Redis shared by every server process. Each board's Yjs log
 * is one Redis stream (ids `<seq>-0`), which is both the durable store and the bus: an
 * update is appended before it is relayed, and every process with the board loaded
 * follows the stream (see LogReader). Binary stays binary: updates and snapshots go
 * through ioredis' Buffer commands, never through JSON.
 */
export async function openRedisStore(opts: RedisStoreOptions): Promise<Store> {
  const { prefix } = opts;
  const onError = opts.onError ?? (() => undefined);
  const redis = await connectRedis(opts.url, 'twinspace-store', onError);
  let reader: Redis;
  try {
    reader = await connectRedis(opts.url, 'twinspace-log-reader', onError);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  // One hash tag per board keeps all of its keys in one slot, should Redis be clustered.
  const k = {
    board: (c: string) => `${prefix}board:{${c}}`,
    seq: (c: string) => `${prefix}board:{${c}}:seq`,
    log: (c: string) => `${prefix}board:{${c}}:log`,
    snapshot: (c: string) => `${prefix}board:{${c}}:snapshot`,
    people: (c: string) => `${prefix}board:{${c}}:people`,
    lock: (c: string) => `${prefix}board:{${c}}:compacting`,
    mutex: (c: string) => `${prefix}board:{${c}}:mutex`,
    secret: (name: string) => `${prefix}secret:${name}`,
    /** Retention indexes (RETAIN): by last activity, and by expiry for own retentions. */
    byActivity: () => `${prefix}retention:default`,
    byExpiry: () => `${prefix}retention:own`,
    photoBytes: (c: string) => `${prefix}board:{${c}}:photos`,
    photoFacts: (c: string) => `${prefix}board:{${c}}:photos:facts`,
    photoCounts: (c: string) => `${prefix}board:{${c}}:photos:counts`,
    photoTotal: () => `${prefix}photos:bytes`,
    probe: () => `${prefix}probe:${process.pid}`,
  };
  const photos = redisPhotos(redis, k);
  const logReader = new LogReader(reader, redis, k, onError);
  const subscriber = reader.duplicate();
  subscriber.on('error', onError);
  const awareness = new AwarenessRelay(
    redis,
    subscriber,
    (c) => `${prefix}board:{${c}}:awareness`,
    onError,
  );
  const events = redisEvents(redis, prefix);
  const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const getParticipant = async (board: string, id: string): Promise<ParticipantRecord | null> => {
    const raw = await redis.hget(k.people(board), id);
    if (raw === null) return null;
    const r = JSON.parse(raw) as Partial<ParticipantRecord>;
    return {
      board,
      id,
      secretHash: r.secretHash ?? '',
      name: r.name ?? '',
      role: r.role === 'facilitator' ? 'facilitator' : 'participant',
      city: r.city ?? undefined,
      language: r.language ?? undefined,
      createdAt: r.createdAt ?? 0,
    };
  };

  return {
    async createBoard(b: BoardRecord, initialUpdate) {
      const keys = [k.board(b.code), k.seq(b.code), k.log(b.code), k.byActivity()];
      const args = [
        b.kind,
        b.title,
        String(b.createdAt),
        b.facilitatorTokenHash,
        buf(initialUpdate),
        b.code,
      ];
      const seq = await redis.eval(CREATE, keys.length, ...keys, ...args);
      if (seq === 0) throw new CodeTakenError(b.code);
    },
    async getBoard(code) {
      const h = await redis.hgetall(k.board(code));
      if (!h.kind) return null;
      return {
        code,
        kind: h.kind as BoardKind,
        title: h.title ?? '',
        createdAt: Number(h.createdAt),
        facilitatorTokenHash: h.facilitatorTokenHash ?? '',
        ...(h.lastActiveAt ? { lastActiveAt: Number(h.lastActiveAt) } : {}),
        ...(h.retentionDays ? { retentionDays: Number(h.retentionDays) } : {}),
      };
    },
    /** Every key under the board's hash tag: log, snapshot, people, locks, presence, answers. */
    async deleteBoard(code) {
      // The board's hash first, so no upload or append can add to it behind this; then
      // the photos (the store-wide total forgets their bytes), then every key of the board.
      await redis.del(k.board(code));
      await photos.deleteBoard(code);
      await events.forgetBoard(code);
      await deleteKeysStartingWith(redis, k.board(code));
      await redis.multi().zrem(k.byActivity(), code).zrem(k.byExpiry(), code).exec();
    },
    events,
    async appendUpdate(code, update) {
      const keys = [k.board(code), k.seq(code), k.log(code)];
      return Number(await redis.eval(APPEND, keys.length, ...keys, buf(update)));
    },
    async loadDoc(code): Promise<StoredDoc> {
      // One transaction: a compaction cannot trim the log between the two reads.
      const replies = await redis
        .multi()
        .hmgetBuffer(k.snapshot(code), 'data', 'seq')
        .xrangeBuffer(k.log(code), '-', '+')
        .exec();
      const [snapReply, logReply] = replies ?? [];
      if (!snapReply || !logReply || snapReply[0] || logReply[0])
        throw snapReply?.[0] ?? logReply?.[0] ?? new Error('MULTI aborted');
      const [data, seqText] = snapReply[1] as (Buffer | null)[];
      const snapSeq = seqText ? seqOf(seqText) : 0;
      const updates: Uint8Array[] = [];
      let lastSeq = snapSeq;
      for (const [id, fields] of logReply[1] as [Buffer, Buffer[]][]) {
        const seq = seqOf(id);
        const at = fields.findIndex((f, i) => i % 2 === 0 && String(f) === 'u');
        if (seq <= snapSeq || at < 0 || !fields[at + 1]) continue;
        updates.push(new Uint8Array(fields[at + 1]!));
        lastSeq = seq;
      }
      return { snapshot: data ? new Uint8Array(data) : null, updates, lastSeq };
    },
    /**
     * One process at a time (a lock that expires if its holder dies); another process
     * compacting the same board right now makes this a no-op: the log keeps everything.
     */
    async compact(code, snapshot, uptoSeq) {
      const token = randomUUID();
      const locked = await redis.set(k.lock(code), token, 'PX', TIMING.compactLockMs, 'NX');
      if (locked !== 'OK') return;
      try {
        const keys = [k.board(code), k.snapshot(code), k.log(code), k.lock(code)];
        await redis.eval(COMPACT, keys.length, ...keys, buf(snapshot), String(uptoSeq), token);
      } finally {
        await redis.eval(RELEASE, 1, k.lock(code), token).catch(onError);
      }
    },
    async putParticipant(p: ParticipantRecord) {
      // Like the SQLite upsert: the secret and the creation time of a known participant stay.
      const keys = [k.board(p.board), k.people(p.board)];
      const put = (value: ParticipantRecord, replace: boolean) =>
        redis.eval(PUT_PERSON, 2, ...keys, p.id, JSON.stringify(value), replace ? '1' : '0');
      if ((await put(p, false)) !== 0) return;
      const old = await getParticipant(p.board, p.id);
      await put(old ? { ...p, secretHash: old.secretHash, createdAt: old.createdAt } : p, true);
    },
    getParticipant,
    async deleteParticipant(board, id) {
      await redis.hdel(k.people(board), id);
    },
    async touchBoard(code, at) {
      const keys = [k.board(code), k.byActivity(), k.byExpiry()];
      await redis.eval(RETAIN, 3, ...keys, String(at), '-', code, String(DAY_MS));
    },
    async setRetention(code, days) {
      const keys = [k.board(code), k.byActivity(), k.byExpiry()];
      await redis.eval(
        RETAIN,
        3,
        ...keys,
        '',
        days === null ? '' : String(days),
        code,
        String(DAY_MS),
      );
    },
    async expiredBoards(now, defaultDays, limit) {
      const own = await redis.zrangebyscore(k.byExpiry(), '-inf', `(${now}`, 'LIMIT', 0, limit);
      const byDefault =
        defaultDays > 0
          ? await redis.zrangebyscore(
              k.byActivity(),
              '-inf',
              `(${now - defaultDays * DAY_MS}`,
              'LIMIT',
              0,
              limit,
            )
          : [];
      return [...new Set([...own, ...byDefault])].slice(0, limit);
    },
    team: redisTeamStore(redis, prefix),
    async exclusive(code, fn) {
      const token = randomUUID();
      await acquire(redis, k.mutex(code), token);
      try {
        const head = Number((await redis.get(k.seq(code))) ?? '0');
        return await fn(head);
      } finally {
        await redis.eval(RELEASE, 1, k.mutex(code), token).catch(onError);
      }
    },
    photos: photos.photos,
    async secret(name) {
      // SET NX: the first process to ask creates it, every other one reads the same value.
      await redis.set(k.secret(name), randomBytes(32).toString('base64url'), 'NX');
      const value = await redis.get(k.secret(name));
      if (value === null) throw new Error(`secret ${name} vanished from Redis`);
      return value;
    },
    async ping() {
      await redis.set(k.probe(), String(Date.now()), 'PX', 60_000);
    },
    subscribe(code, afterSeq, onUpdate) {
      return logReader.subscribe(code, afterSeq, onUpdate);
    },
    publishAwareness: (code, update) => awareness.publish(code, update),
    subscribeAwareness: (code, onUpdate) => awareness.subscribe(code, onUpdate),
    async close() {
      awareness.close();
      await logReader.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

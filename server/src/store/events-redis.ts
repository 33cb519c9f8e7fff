import type { Redis } from 'ioredis';
import type { EventStore } from './events.ts';
import { CodeTakenError } from './types.ts';

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'title', ARGV[1], 'createdAt', ARGV[2], 'facilitatorTokenHash', ARGV[3], 'current', '')
return 1`;

/**
 * The events of the scale-out store: a hash per event, a list of its boards, and beside
 * each board's keys (same hash tag) the event it belongs to. Every process reads the same.
 */
export function redisEvents(redis: Redis, prefix: string): EventStore {
  const k = {
    event: (c: string) => `${prefix}event:{${c}}`,
    boards: (c: string) => `${prefix}event:{${c}}:boards`,
    eventOf: (b: string) => `${prefix}board:{${b}}:event`,
  };
  return {
    async createEvent(e) {
      const args = [e.title, String(e.createdAt), e.facilitatorTokenHash];
      if ((await redis.eval(CREATE, 1, k.event(e.code), ...args)) === 0)
        throw new CodeTakenError(e.code);
    },
    async getEvent(code) {
      const h = await redis.hgetall(k.event(code));
      if (h.facilitatorTokenHash === undefined) return null;
      return {
        code,
        title: h.title ?? '',
        createdAt: Number(h.createdAt),
        facilitatorTokenHash: h.facilitatorTokenHash,
        current: h.current ? h.current : null,
      };
    },
    async addBoard(event, board) {
      // SET NX first: a board joins one event, once.
      if ((await redis.set(k.eventOf(board), event, 'NX')) === 'OK')
        await redis.rpush(k.boards(event), board);
    },
    async boardsOf(event) {
      return redis.lrange(k.boards(event), 0, -1);
    },
    async eventOf(board) {
      return redis.get(k.eventOf(board));
    },
    async setCurrent(event, board) {
      if ((await redis.exists(k.event(event))) === 1)
        await redis.hset(k.event(event), 'current', board ?? '');
    },
    async forgetBoard(board) {
      const event = await redis.get(k.eventOf(board));
      if (event === null) return;
      await redis.lrem(k.boards(event), 0, board);
      if ((await redis.hget(k.event(event), 'current')) === board)
        await redis.hset(k.event(event), 'current', '');
      await redis.del(k.eventOf(board));
    },
    async deleteEvent(code) {
      const boards = await redis.lrange(k.boards(code), 0, -1);
      // One key at a time: each board's key is in its board's slot, should Redis be clustered.
      await Promise.all(
        [k.event(code), k.boards(code), ...boards.map(k.eventOf)].map((key) => redis.del(key)),
      );
    },
  };
}

import type { Redis } from 'ioredis';
import type { ActivityEntry } from '@twinspace/shared';
import type { LinkRecord, TeamStore } from './team.ts';

/** At most `max` links per board: counted and added in one step, whatever process asks. */
const ADD = `
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** The board's team keys, in the board's hash slot (`board:{CODE}`), deleted with it. */
export const teamKeys = (prefix: string, code: string) => ({
  links: `${prefix}board:{${code}}:links`,
  activity: `${prefix}board:{${code}}:activity`,
  retired: `${prefix}board:{${code}}:owner-retired`,
});

/** The scale-out store's team: a hash of links, a capped list of activity, a flag. */
export function redisTeamStore(redis: Redis, prefix: string): TeamStore {
  const k = (code: string) => teamKeys(prefix, code);
  return {
    async addLink(link, max) {
      const added = await redis.eval(
        ADD,
        1,
        k(link.board).links,
        link.id,
        JSON.stringify(link),
        max,
      );
      return added === 1;
    },
    async links(board) {
      const all = Object.values(await redis.hgetall(k(board).links));
      return all
        .map((raw) => JSON.parse(raw) as LinkRecord)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    removeLink: async (board, id) => (await redis.hdel(k(board).links, id)) > 0,
    retireOwner: async (board) => void (await redis.set(k(board).retired, '1')),
    ownerRetired: async (board) => (await redis.exists(k(board).retired)) === 1,
    async logActivity(board, entry, max) {
      await redis
        .multi()
        .lpush(k(board).activity, JSON.stringify(entry))
        .ltrim(k(board).activity, 0, max - 1)
        .exec();
    },
    async activity(board) {
      const raw = await redis.lrange(k(board).activity, 0, -1);
      return raw.map((r) => JSON.parse(r) as ActivityEntry);
    },
    async deleteBoard(board) {
      const keys = k(board);
      await redis.del(keys.links, keys.activity, keys.retired);
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TIMING, type PresenceAggregate } from '@twinspace/shared';
import type { PresenceBus } from './types.ts';

/**
 * Presence parts of every process in one Redis hash per board (field: process id). A
 * part carries the time it was written; parts of processes that stopped refreshing
 * (killed, partitioned) are dropped after TIMING.presencePartTtlMs.
 */
export function redisPresenceBus(redis: Redis, prefix: string): PresenceBus {
  const processId = randomUUID();
  const key = (code: string): string => `${prefix}board:{${code}}:presence`;
  return {
    async exchange(code, own) {
      const now = Date.now();
      const [, , all] = (await redis
        .multi()
        .hset(key(code), processId, JSON.stringify({ at: now, part: own }))
        .pexpire(key(code), TIMING.presencePartTtlMs * 3)
        .hgetall(key(code))
        .exec()
        .then((replies) => (replies ?? []).map(([err, value]) => (err ? null : value)))) as [
        unknown,
        unknown,
        Record<string, string> | null,
      ];
      const parts: PresenceAggregate[] = [];
      const stale: string[] = [];
      for (const [field, raw] of Object.entries(all ?? {})) {
        const entry = JSON.parse(raw) as { at: number; part: PresenceAggregate };
        if (now - entry.at > TIMING.presencePartTtlMs) stale.push(field);
        else parts.push(entry.part);
      }
      if (stale.length > 0) await redis.hdel(key(code), ...stale);
      return parts;
    },
    async leave(code) {
      await redis.hdel(key(code), processId);
    },
  };
}

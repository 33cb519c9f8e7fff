import type { Redis } from 'ioredis';

/** Text as a SCAN pattern that matches it literally (a prefix may hold `*` or `[`). */
export const globEscape = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

/** Deletes every key that starts with `keyStart` (SCAN, not KEYS: Redis keeps serving). */
export async function deleteKeysStartingWith(redis: Redis, keyStart: string): Promise<void> {
  const pattern = `${globEscape(keyStart)}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

import { Redis } from 'ioredis';
import { redisPrefix } from '../servers/index.ts';

/** Deletes every key under this run's private prefix (the scaled-out variant's data). */
export async function cleanupRedis(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // No Redis here: then nothing was written to it either.
  } finally {
    redis.disconnect();
  }
}

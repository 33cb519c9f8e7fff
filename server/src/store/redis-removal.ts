import type { Redis } from 'ioredis';
import type { Removal, RemovalBus } from '../rooms/removal.ts';

const isRemoval = (value: unknown): value is Removal => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (v.participantId === undefined || typeof v.participantId === 'string')
  );
};

/**
 * Removals between processes (rooms/removal.ts): one pub/sub channel per deployment. The
 * publishing process handles its own removal at once, not when Redis echoes it back (the
 * echo is handled again: closing what is closed does nothing).
 */
export function redisRemovalBus(
  pub: Redis,
  sub: Redis,
  prefix: string,
  onError: (error: unknown) => void,
): RemovalBus {
  const channel = `${prefix}removals`;
  const handlers: ((removal: Removal) => void)[] = [];
  const deliver = (removal: Removal): void => {
    for (const handler of handlers) handler(removal);
  };
  sub.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    try {
      const removal: unknown = JSON.parse(message);
      if (isRemoval(removal)) deliver(removal);
    } catch {
      // not ours: nothing else publishes on this channel
    }
  });
  const subscribed = sub.subscribe(channel).catch(onError);
  return {
    async publish(removal) {
      deliver(removal);
      await subscribed;
      await pub.publish(channel, JSON.stringify(removal));
    },
    subscribe: (handler) => void handlers.push(handler),
    close() {
      handlers.splice(0);
      sub.disconnect();
      pub.disconnect();
    },
  };
}

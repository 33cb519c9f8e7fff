import { Arbiter } from './arbiter.ts';

/**
 * For tests: an arbiter of board ABCDEF whose mutex is out of reach while `busy()` says so
 * (as Redis's SET NX failing past its wait); held, it runs its batch at log head 0 and
 * writes nothing.
 */
export function switchableArbiter(busy: () => boolean): Arbiter {
  const exclusive = async <T>(_code: string, fn: (head: number) => Promise<T>): Promise<T> => {
    if (busy()) throw new Error('board is busy');
    return fn(0);
  };
  return new Arbiter(
    'ABCDEF',
    exclusive,
    async () => undefined,
    async () => undefined,
  );
}

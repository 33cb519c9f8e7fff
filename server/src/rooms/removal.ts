import type { Store } from '../store/types.ts';

/** What every process closes when a board (or one person's data on it) is removed. */
export interface Removal {
  code: string;
  /** Only this person's connections (they deleted their data); absent: the whole board. */
  participantId?: string;
}

/**
 * Tells every process, this one included, to close what a removal ends: its Socket.IO and
 * Yjs connections and, for a board, its room in memory. Alone: a call. Scaled out: Redis
 * pub/sub (store/redis-removal.ts). A process that misses the message still cannot write
 * the board back: appends to a deleted board fail in both stores, and the room that tried
 * closes its connections.
 */
export interface RemovalBus {
  publish(removal: Removal): Promise<void>;
  subscribe(handler: (removal: Removal) => void): void;
  close(): void;
}

export function localRemovalBus(): RemovalBus {
  const handlers: ((removal: Removal) => void)[] = [];
  return {
    async publish(removal) {
      for (const handler of handlers) handler(removal);
    },
    subscribe: (handler) => void handlers.push(handler),
    close: () => void handlers.splice(0),
  };
}

export interface RemovalDeps {
  store: Store;
  bus: RemovalBus;
  /** What else is kept per board outside the store (command answers, rate-limit counters). */
  forget: readonly ((code: string) => Promise<void> | void)[];
}

/**
 * Deletes a board and everything of it (docs/privacy.md): its connections on every process
 * are closed first (Socket.IO gets the `board-deleted` notice, Yjs the close code 4410) and
 * its room leaves memory without compacting, then the store removes every row and key of
 * it, then the per-board counters go. Resolves with whether the board existed; the
 * deletion runs either way, so a half-finished earlier one is completed.
 * The only way a board is deleted: the facilitator's command, DELETE /api/boards/:code,
 * the retention sweeper (and an event's deletion, board by board).
 */
export async function removeBoard(deps: RemovalDeps, code: string): Promise<boolean> {
  const existed = (await deps.store.getBoard(code)) !== null;
  await deps.bus.publish({ code });
  await deps.store.deleteBoard(code);
  for (const forget of deps.forget) await forget(code);
  return existed;
}

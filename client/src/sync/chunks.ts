import { TIMING } from '@twinspace/shared/timing';

/** Download attempts while the browser says it is online before a view gives up (~15 s). */
export const VIEW_ATTEMPTS = 6;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves at once when the browser says it is online, else on its next 'online' event. */
function online(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false) return Promise.resolve();
  return new Promise((resolve) =>
    window.addEventListener('online', () => resolve(), { once: true }),
  );
}

/**
 * Loads code (or strings) that the page downloads after it started: a lazy view, the edit
 * log, a language. Asked for offline before the service worker controls the page (a first
 * visit that loses the network in its first seconds), the import fails; browsers do not keep
 * a failed module fetch, so the same import is tried again, first when the device is back
 * online, then backing off. Time spent offline does not count: only `attempts` failures
 * while online end it with the last error (a build that no longer has the file).
 */
export async function loadChunk<M>(load: () => Promise<M>, attempts = Infinity): Promise<M> {
  for (let failed = 0; ;) {
    try {
      return await load();
    } catch (err) {
      const wasOnline = typeof navigator === 'undefined' || navigator.onLine !== false;
      if (wasOnline && ++failed >= attempts) throw err;
      await online();
      const n = Math.max(0, failed - 1);
      await pause(Math.min(TIMING.chunkRetryMaxMs, TIMING.chunkRetryBaseMs * 2 ** n));
    }
  }
}

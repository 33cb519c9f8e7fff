import type { Role } from '@twinspace/shared/rules/model';
import { facilitatorPath, participantPath, projectorPath } from '../app/routes.ts';

/**
 * Tells the service worker which board pages this device holds (client/pwaPages.ts): their
 * next visit opens from the app shell at once, with no round trip for the page. A marker
 * per page path in a cache of its own (the worker cannot read localStorage). Written once
 * the board is joined (its info, the person and the IndexedDB copy are on the device),
 * removed when the board is left or deleted. The marker holds the page's modules (HeldPage):
 * the worker names them in the page it serves, so the browser loads them all at once. A browser without the Cache API (or a private
 * mode refusing it) only loses the shortcut.
 */
const HELD = 'twinspace-held';

const pagePath: Record<Role, (code: string) => string> = {
  participant: participantPath,
  facilitator: facilitatorPath,
  projector: projectorPath,
};

function withCache(use: (cache: Cache) => Promise<unknown>): void {
  if (typeof caches === 'undefined') return;
  void caches
    .open(HELD)
    .then(use)
    .catch(() => undefined);
}

/**
 * What the worker needs to start the page's code at once (pwaPages.ts): the build's entry
 * script (a list from another build is ignored) and every module this page has loaded.
 */
export interface HeldPage {
  entry: string | null;
  modules: string[];
}

const MODULE = /^\/assets\/[\w.-]+\.js$/;

function heldPage(): HeldPage {
  // The app's entry, not the board page's first script (async: the socket's, preconnect.ts).
  const entry =
    document.querySelector('script[type="module"][src]:not([async])')?.getAttribute('src') ?? null;
  const modules = new Set<string>();
  for (const resource of performance.getEntriesByType('resource')) {
    const url = new URL(resource.name);
    if (url.origin === location.origin && MODULE.test(url.pathname)) modules.add(url.pathname);
  }
  return { entry, modules: [...modules] };
}

/**
 * The page's modules once more after the board has settled: its lazy parts (the edit log,
 * the device copy, polls) load after the join that first marks it.
 */
const AGAIN_MS = 15_000;
const again = new Map<string, number>();

export function markHeld(code: string, role: Role): void {
  const path = pagePath[role](code);
  const put = (): void =>
    withCache((cache) => cache.put(path, new Response(JSON.stringify(heldPage()))));
  put();
  window.clearTimeout(again.get(path));
  again.set(path, window.setTimeout(put, AGAIN_MS));
}

export function forgetHeld(code: string, role: Role): void {
  const path = pagePath[role](code);
  window.clearTimeout(again.get(path));
  again.delete(path);
  withCache((cache) => cache.delete(path));
}

import type { Role } from '@twinspace/shared/rules/model';
import { facilitatorPath, participantPath, projectorPath } from '../app/routes.ts';

/**
 * Tells the service worker which board pages this device holds (client/pwaPages.ts): their
 * next visit opens from the app shell at once, with no round trip for the page. A marker
 * per page path in a cache of its own (the worker cannot read localStorage). Written once
 * the board is joined (its info, the person and the IndexedDB copy are on the device),
 * removed when the board is left or deleted. A browser without the Cache API (or a private
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

export function markHeld(code: string, role: Role): void {
  withCache((cache) => cache.put(pagePath[role](code), new Response('')));
}

export function forgetHeld(code: string, role: Role): void {
  withCache((cache) => cache.delete(pagePath[role](code)));
}

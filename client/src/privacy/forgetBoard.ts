import type { Role } from '@twinspace/shared/rules/model';
import { dbName, hasIndexedDb, infoKey, loadIdb } from '../sync/deviceCopy.ts';
import { forgetFacilitatorToken, forgetIdentity } from '../sync/identity.ts';
import { writeStored } from '../sync/storage.ts';
import { forgetMine } from './myBoards.ts';

const ROLES: readonly Role[] = ['participant', 'facilitator', 'projector'];
/** The service worker's cache of board pages (client/vite.config.ts), which hold a preview. */
const PAGES_CACHE = 'twinspace-pages';

/**
 * A deleted board leaves nothing on this device (docs/privacy.md, "On the device"): its
 * copy in IndexedDB and its outbox, unsent edits and identity for every role the device
 * opened it in, its info, the facilitator's key and entry in their list, and its pages in
 * the service worker's cache. Loaded only when a board turns out to be gone.
 */
export async function forgetDeletedBoard(code: string): Promise<void> {
  writeStored(infoKey(code), null);
  forgetFacilitatorToken(code);
  forgetMine(code);
  for (const role of ROLES) {
    forgetIdentity(code, role);
    writeStored(`outbox.${code}.${role}`, null); // sync/outbox.ts
    writeStored(`pending.${code}.${role}`, null); // sync/editLog.ts
  }
  if (hasIndexedDb()) {
    const { clearDocument } = await loadIdb();
    await Promise.all(ROLES.map((role) => clearDocument(dbName(code, role)).catch(() => null)));
  }
  if (typeof caches !== 'undefined' && (await caches.has(PAGES_CACHE))) {
    const cache = await caches.open(PAGES_CACHE);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path === `/b/${code}` || path.startsWith(`/b/${code}/`)) await cache.delete(request);
    }
  }
}

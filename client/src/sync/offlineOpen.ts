import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { TIMING } from '@twinspace/shared/timing';
import { forgetMine } from '../privacy/myBoards.ts';
import { dbName, hasIndexedDb, infoKey, loadIdb } from './deviceCopy.ts';
import {
  forgetFacilitatorToken,
  forgetIdentity,
  loadIdentity,
  type StoredIdentity,
} from './identity.ts';
import { forgetHeld } from './heldPages.ts';
import { readStoredJson, writeStored } from './storage.ts';

/**
 * Opening a board with no network, and forgetting one: loaded only when needed (a failed
 * board lookup, a deleted board), so the participant's first load does not carry it.
 */
function isBoardInfo(value: unknown): value is BoardInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['code'] === 'string' && typeof v['kind'] === 'string';
}

/** Does this device hold a copy of the board in IndexedDB? */
async function hasLocalCopy(code: string, role: Role): Promise<boolean> {
  if (!hasIndexedDb()) return false;
  try {
    if (!indexedDB.databases) return true; // cannot tell: the copy opens empty at worst
    // An IndexedDB that never answers (it happens on phones) is one that holds nothing.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const none = new Promise<[]>((resolve) => {
      timer = setTimeout(() => resolve([]), TIMING.deviceCopyGiveUpMs);
    });
    const all = await Promise.race([indexedDB.databases(), none]).finally(() =>
      clearTimeout(timer),
    );
    return all.some((db) => db.name === dbName(code, role));
  } catch {
    return false;
  }
}

/** What a board needs to open from the device: its info, the person, and a stored copy. */
export async function boardOnDevice(
  code: string,
  role: Role,
): Promise<{ board: BoardInfo; identity: StoredIdentity | null } | null> {
  const board = readStoredJson(infoKey(code), isBoardInfo);
  const identity = role === 'projector' ? null : loadIdentity(code, role);
  if (!board || (role !== 'projector' && !identity)) return null;
  return (await hasLocalCopy(code, role)) ? { board, identity } : null;
}

/** The board was left or deleted: nothing of it stays on the device. */
export function forgetBoardOnDevice(code: string, role: Role): void {
  writeStored(infoKey(code), null);
  forgetHeld(code, role);
  writeStored(`outbox.${code}.${role}`, null);
  writeStored(`pending.${code}.${role}`, null); // editLog.ts
  writeStored(`mod.${code}.${role}`, null); // boards/moderation/submissions.ts
  writeStored(`handoff.${code}`, null); // events/handoff.ts
  if (hasIndexedDb())
    void loadIdb()
      .then(({ clearDocument }) => clearDocument(dbName(code, role)))
      .catch(() => undefined);
}

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
    writeStored(`mod.${code}.${role}`, null); // boards/moderation/submissions.ts
    forgetHeld(code, role); // the service worker serves its page no more
  }
  writeStored(`handoff.${code}`, null); // events/handoff.ts
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

import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { dbName, hasIndexedDb, infoKey, loadIdb } from './deviceCopy.ts';
import { forgetHeld } from './heldPages.ts';
import { loadIdentity, type StoredIdentity } from './identity.ts';
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
    const all = await indexedDB.databases();
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
  if (hasIndexedDb())
    void loadIdb()
      .then(({ clearDocument }) => clearDocument(dbName(code, role)))
      .catch(() => undefined);
}

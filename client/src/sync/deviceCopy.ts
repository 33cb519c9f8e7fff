import type * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { readStoredJson, writeStored, writeStoredJson } from './storage.ts';

/**
 * The board kept on this device: its Y.Doc in IndexedDB (every update, the server's and our
 * own, as y-indexeddb stores them) and its last known info in localStorage. Reopening the
 * board, online or not, starts from this copy; own edits not yet on the server are in it
 * and go out on the next sync handshake. Kept until the person leaves the board or the
 * board is deleted (then `forgetBoardOnDevice`).
 */
const dbName = (code: string, role: Role): string => `twinspace.board.${code}.${role}`;
const infoKey = (code: string): string => `board.${code}`;

function isBoardInfo(value: unknown): value is BoardInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['code'] === 'string' && typeof v['kind'] === 'string';
}

export const rememberBoardInfo = (info: BoardInfo): void =>
  writeStoredJson(infoKey(info.code), info);

export const rememberedBoardInfo = (code: string): BoardInfo | null =>
  readStoredJson(infoKey(code), isBoardInfo);

const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

export interface LocalCopy {
  /** Resolves once the stored copy has been applied to the document. */
  readonly loaded: Promise<void>;
  /** Empties the stored copy (after a refusal, the document is rebuilt from the server). */
  clear(): Promise<void>;
  destroy(): void;
}

/** Keeps `doc` in IndexedDB; a device without IndexedDB (private mode) just keeps nothing. */
export function keepOnDevice(code: string, role: Role, doc: Y.Doc): LocalCopy {
  if (!hasIndexedDb()) {
    return { loaded: Promise.resolve(), clear: () => Promise.resolve(), destroy: () => undefined };
  }
  const persistence = new IndexeddbPersistence(dbName(code, role), doc);
  return {
    loaded: persistence.whenSynced.then(
      () => undefined,
      () => undefined,
    ),
    clear: () => persistence.clearData().catch(() => undefined),
    destroy: () => void persistence.destroy().catch(() => undefined),
  };
}

/** Does this device hold a copy of the board (to open it with no network)? */
export async function hasLocalCopy(code: string, role: Role): Promise<boolean> {
  if (!hasIndexedDb() || !indexedDB.databases) return rememberedBoardInfo(code) !== null;
  try {
    const all = await indexedDB.databases();
    return all.some((db) => db.name === dbName(code, role));
  } catch {
    return false;
  }
}

/** The board was left or deleted: nothing of it stays on the device. */
export function forgetBoardOnDevice(code: string, role: Role): void {
  writeStored(infoKey(code), null);
  if (hasIndexedDb()) void clearDocument(dbName(code, role)).catch(() => undefined);
}

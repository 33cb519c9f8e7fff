import type * as Y from 'yjs';
import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { markHeld } from './heldPages.ts';
import { writeStoredJson } from './storage.ts';
import { loadChunk } from './chunks.ts';

/**
 * The board kept on this device: its Y.Doc in IndexedDB (every update, the server's and our
 * own, as y-indexeddb stores them) and its last known info in localStorage. Reopening the
 * board, online or not, starts from this copy; own edits not yet on the server are in it
 * and go out on the next sync handshake. Kept until the person leaves the board or the
 * board is deleted (then `forgetBoardOnDevice`, offlineOpen.ts).
 */
export const dbName = (code: string, role: Role): string => `twinspace.board.${code}.${role}`;
export const infoKey = (code: string): string => `board.${code}`;

/** After a join: the board's info kept, and its page marked for the service worker. */
export function rememberBoardInfo(info: BoardInfo, role: Role): void {
  writeStoredJson(infoKey(info.code), info);
  markHeld(info.code, role);
}

const noop = (): void => undefined;

export const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

export interface LocalCopy {
  /** Resolves once the stored copy has been applied to the document. */
  readonly loaded: Promise<void>;
  /** Empties the stored copy (after a refusal, the document is rebuilt from the server). */
  clear(): Promise<void>;
  destroy(): void;
}

/** y-indexeddb is loaded beside the board, not before it (the participant's size budget). */
export const loadIdb = () => loadChunk(() => import('y-indexeddb'));

/**
 * Keeps `doc` in IndexedDB. A device without IndexedDB (private mode) keeps nothing, and
 * every use below treats a failing IndexedDB as "no copy".
 */
export function keepOnDevice(code: string, role: Role, doc: Y.Doc): LocalCopy {
  let destroyed = false;
  const persistence = loadIdb().then(({ IndexeddbPersistence }) =>
    destroyed || doc.isDestroyed || !hasIndexedDb()
      ? null
      : new IndexeddbPersistence(dbName(code, role), doc),
  );
  return {
    loaded: persistence.then((p) => p?.whenSynced).then(noop, noop),
    clear: () => persistence.then((p) => p?.clearData()).catch(() => undefined),
    destroy: () => {
      destroyed = true;
      void persistence.then((p) => p?.destroy()).catch(() => undefined);
    },
  };
}

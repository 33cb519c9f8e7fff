import type * as Y from 'yjs';
import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { markHeld } from './heldPages.ts';
import { writeStoredJson } from './storage.ts';
import { TIMING } from '@twinspace/shared/timing';
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
  /**
   * Resolves once the stored copy has been applied to the document, or the device turned out
   * to keep none: IndexedDB refused to open (private mode, a full disk), failed reading, or
   * gave no answer within TIMING.deviceCopyGiveUpMs (then the copy is closed, so a late read
   * cannot land in a document that is already syncing).
   */
  readonly loaded: Promise<void>;
  /** Empties the stored copy (after a refusal, the document is rebuilt from the server). */
  clear(): Promise<void>;
  destroy(): void;
}

/** y-indexeddb is loaded beside the board, not before it (the participant's size budget). */
export const loadIdb = () => loadChunk(() => import('y-indexeddb'));

type Persistence = InstanceType<Awaited<ReturnType<typeof loadIdb>>['IndexeddbPersistence']>;

/** Resolves with `value` after `ms`, unless `cancel`led. */
function after<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(value), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

let usable: Promise<boolean> | null = null;

/**
 * Whether IndexedDB opens a database on this device at all (asked once a page): in private
 * modes and on a full disk it refuses, on some phones it never answers. y-indexeddb does not
 * say: its copy then waits forever, and a refused open becomes an unhandled rejection.
 */
function indexedDbUsable(): Promise<boolean> {
  usable ??= new Promise<boolean>((resolve) => {
    try {
      const request = indexedDB.open('twinspace.probe');
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
  const cap = after(TIMING.deviceCopyGiveUpMs, false);
  return Promise.race([usable, cap.promise]).finally(() => cap.cancel());
}

/**
 * Resolves when y-indexeddb has read the copy into the document, or will not: a read that
 * failed, or none within TIMING.deviceCopyGiveUpMs, after which the copy is closed so that a
 * late read cannot land in a document that is already syncing.
 */
function copyRead(p: Persistence): Promise<void> {
  const cap = after(TIMING.deviceCopyGiveUpMs, 'given-up' as const);
  const failed = p._db.then(
    () => new Promise<never>(noop),
    () => undefined,
  );
  return Promise.race([p.whenSynced.then(noop), failed, cap.promise]).then((outcome) => {
    cap.cancel();
    if (outcome === 'given-up' && !p.synced) void p.destroy().catch(noop);
  });
}

/**
 * Keeps `doc` in IndexedDB. A device without IndexedDB (private mode) keeps nothing, and
 * every use below treats a failing IndexedDB as "no copy".
 */
export function keepOnDevice(code: string, role: Role, doc: Y.Doc): LocalCopy {
  let destroyed = false;
  const persistence = loadIdb().then(async ({ IndexeddbPersistence }) => {
    if (!hasIndexedDb() || !(await indexedDbUsable())) return null;
    if (destroyed || doc.isDestroyed) return null;
    const p = new IndexeddbPersistence(dbName(code, role), doc);
    p._db.catch(noop);
    return p;
  });
  return {
    loaded: persistence.then((p) => (p ? copyRead(p) : undefined)).then(noop, noop),
    clear: () => persistence.then((p) => p?.clearData()).catch(() => undefined),
    destroy: () => {
      destroyed = true;
      void persistence.then((p) => p?.destroy()).catch(() => undefined);
    },
  };
}

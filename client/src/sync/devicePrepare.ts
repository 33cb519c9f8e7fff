import * as Y from 'yjs';
import type { Role } from '@twinspace/shared/rules/model';
import { TIMING } from '@twinspace/shared/timing';
import { keepOnDevice, type LocalCopy } from './deviceCopy.ts';
import { takeDeviceOpen } from './prefetch.ts';
import { loadOfflineOpen } from './sessionEnd.ts';
import type { EditLog } from './editLog.ts';
import type { boardOnDevice } from './offlineOpen.ts';

/** What `boardOnDevice` found: the board's info and the person, or null (no copy). */
type OnDevice = Awaited<ReturnType<typeof boardOnDevice>>;

/** The person's edit log and the device copy, loading into `doc` (DocConnection.keep). */
export interface OpenedCopy {
  log: EditLog;
  copy: LocalCopy;
}

/**
 * A repeat visit's board, read from this device while the app's code starts (issue 13,
 * item 8). On a phone 4x slower than a laptop the board session opened the device copy only
 * after React had rendered the route (BoardGate's effect), then waited for each step in turn:
 * the copy's lookup, the edit log, y-indexeddb's read. IndexedDB works beside the main
 * thread, so the entry script starts all of it at once (prefetch.ts) and the session adopts
 * what is ready. Same order as DocConnection.keep: the edit log first (a replay empties the
 * copy before it may load), and the copy is opened only when the lookup found one (opening
 * creates the database, which would make the next lookup see a copy that is not there).
 */
export interface PreparedOpen {
  /** The document the copy loads into: the session's first document. */
  doc: Y.Doc;
  local: Promise<OnDevice>;
  /** Null when there is no copy, or a step failed: the session then does it itself. */
  opened: Promise<OpenedCopy | null>;
}

/** Whether this device holds the board, and for whom (offlineOpen.ts, loaded on demand). */
function lookUp(code: string, role: Role): Promise<OnDevice> {
  return loadOfflineOpen().then((m) => m.boardOnDevice(code, role));
}

/** Starts reading the board from this device; the session takes it (prefetch.ts, takeDeviceOpen). */
export function prepareDeviceOpen(code: string, role: Role): PreparedOpen {
  const doc = new Y.Doc();
  const local: Promise<OnDevice> = lookUp(code, role).catch(() => null);
  const opened = local.then(async (found): Promise<OpenedCopy | null> => {
    if (found === null || doc.isDestroyed) return null;
    const { EditLog } = await import('./editLog.ts');
    const log = new EditLog(code, role);
    await log.ready;
    return doc.isDestroyed ? null : { log, copy: keepOnDevice(code, role, doc) };
  });
  return { doc, local, opened: opened.catch(() => null) };
}

/** A prepared open the session did not use: its document and copy are closed. */
export function discardPrepared(early: PreparedOpen): void {
  early.doc.destroy();
  void early.opened.then((o) => o?.copy.destroy());
}

/**
 * Resolves once the device copy is in the prepared document, or after
 * TIMING.deviceCopyWaitMs: the board then shows full in one render, not empty first (a
 * second render of the whole board on a slow phone, and a moment of "no cards yet" on a
 * board of 200).
 */
export function deviceCopyRead(early: PreparedOpen): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>(
    (resolve) => (timer = setTimeout(resolve, TIMING.deviceCopyWaitMs)),
  );
  const read = early.opened.then((o) => o?.copy.loaded);
  return Promise.race([read, cap]).finally(() => clearTimeout(timer));
}

/**
 * The board as this device holds it, with the open the entry script started on a repeat
 * visit (its copy read, or TIMING.deviceCopyWaitMs passed), else looked up now; null when
 * the device holds no copy.
 */
export async function boardOnThisDevice(
  code: string,
  role: Role,
): Promise<(NonNullable<OnDevice> & { early: PreparedOpen | null }) | null> {
  const early = await takeDeviceOpen(code, role);
  const found = await (early?.local ?? lookUp(code, role));
  if (found === null) {
    if (early) discardPrepared(early);
    return null;
  }
  if (early) await deviceCopyRead(early);
  return { ...found, early };
}

import type { Role } from '@twinspace/shared/rules/model';
import type { PreparedOpen } from './devicePrepare.ts';

/**
 * On a slow network every sequential round trip costs seconds (2 s each on "Slow 3G"). A
 * board route asks for its board's info as soon as the entry script runs, in parallel with
 * the route's code and strings, instead of after they arrived. No imports (types only): it lives in the
 * entry chunk.
 */
export interface Fetched {
  ok: boolean;
  status: number;
  statusText: string;
  /** The JSON body, or null when there was none. */
  body: unknown;
}

export async function fetchJson(path: string, init?: RequestInit): Promise<Fetched> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...init?.headers },
  });
  const body: unknown = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, statusText: response.statusText, body };
}

const early = new Map<string, Promise<Fetched>>();

export const boardInfoPath = (code: string): string => `/api/boards/${encodeURIComponent(code)}`;

/**
 * The board's info as the server put it into the page it rendered (server/src/http/
 * route-hints.ts), or null: a page from the service worker's copies carries none
 * (client/pwaPages.ts takes it out), so an old copy never stands in for the server.
 */
function infoInPage(code: string): Fetched | null {
  const block = document.getElementById('twinspace-board');
  if (block === null) return null;
  block.remove(); // read once: a later lookup (a retry) asks the server
  try {
    const body: unknown = JSON.parse(block.textContent ?? '');
    const same =
      (body as { code?: unknown } | null)?.code === code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return same ? { ok: true, status: 200, statusText: 'OK', body } : null;
  } catch {
    return null;
  }
}

export function prefetchBoard(code: string): Promise<Fetched> {
  const path = boardInfoPath(code);
  const inPage = infoInPage(code);
  const pending = early.get(path) ?? (inPage ? Promise.resolve(inPage) : fetchJson(path));
  // A failure is reported to whoever takes the response; never an unhandled rejection here.
  pending.catch(() => undefined);
  early.set(path, pending);
  return pending;
}

/** The prefetched answer for this path, once: a later request goes to the network. */
export function takePrefetched(path: string): Promise<Fetched> | undefined {
  const pending = early.get(path);
  early.delete(path);
  return pending;
}

/** The kind of a board this device has kept (deviceCopy.ts, infoKey), read without imports. */
export function storedKind(code: string): string | null {
  try {
    const info: unknown = JSON.parse(localStorage.getItem(`twinspace.board.${code}`) ?? 'null');
    const kind = (info as { kind?: unknown } | null)?.kind;
    return typeof kind === 'string' ? kind : null;
  } catch {
    return null;
  }
}

const ignore = (): undefined => undefined;

/**
 * A board this device holds opens from its IndexedDB copy (boardSession.ts, openFromDevice),
 * through code that loads lazily, each module only once the one before it ran: offlineOpen,
 * then the edit log, then y-indexeddb. On a phone 4x slower than a laptop every such step
 * waited for a busy main thread (a repeat visit requested y-indexeddb 2.6 s after the page's
 * HTML). The entry script asks for them all at once instead, beside the route's code, and
 * starts reading the copy itself (devicePrepare.ts) while React renders the route.
 */
export function prefetchDeviceOpen(code: string, role: Role): void {
  void import('./offlineOpen.ts').catch(ignore);
  void import('./editLog.ts').catch(ignore);
  void import('./outbox.ts').catch(ignore);
  void import('y-indexeddb').catch(ignore);
  deviceOpens.set(
    `${code}|${role}`,
    import('./devicePrepare.ts').then((m) => m.prepareDeviceOpen(code, role), ignore),
  );
}

const deviceOpens = new Map<string, Promise<PreparedOpen | undefined>>();

/** The device open the entry script started for this board and role, once. */
export async function takeDeviceOpen(code: string, role: Role): Promise<PreparedOpen | null> {
  const key = `${code}|${role}`;
  const pending = deviceOpens.get(key);
  deviceOpens.delete(key);
  return (await pending) ?? null;
}

/**
 * On a slow network every sequential round trip costs seconds (2 s each on "Slow 3G"). A
 * board route asks for its board's info as soon as the entry script runs, in parallel with
 * the route's code and strings, instead of after they arrived. No imports: it lives in the
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

export function prefetchBoard(code: string): Promise<Fetched> {
  const path = boardInfoPath(code);
  const pending = early.get(path) ?? fetchJson(path);
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

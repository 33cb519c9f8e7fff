/**
 * On a slow network every sequential round trip costs seconds (2 s each on "Slow 3G"). A
 * board route asks for its board's info as soon as the entry script runs, in parallel with
 * the route's code and strings, instead of after they arrived. No imports: it lives in the
 * entry chunk.
 */
const early = new Map<string, Promise<Response>>();

export const boardInfoPath = (code: string): string => `/api/boards/${encodeURIComponent(code)}`;

export function prefetchBoard(code: string): void {
  const path = boardInfoPath(code);
  if (early.has(path)) return;
  const response = fetch(path, { headers: { accept: 'application/json' } });
  // A failure is reported to whoever takes the response; never an unhandled rejection here.
  response.catch(() => undefined);
  early.set(path, response);
}

/** The prefetched response for this path, once: a later request goes to the network. */
export function takePrefetched(path: string): Promise<Response> | undefined {
  const response = early.get(path);
  early.delete(path);
  return response;
}

/** What decides whether a page's origin may open a socket here. */
export interface OriginPolicy {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}

/**
 * May a WebSocket or Socket.IO connection with this Origin header be accepted? Browsers
 * always send Origin on a WebSocket and on cross-origin requests, so a page elsewhere can
 * never open a socket here on a visitor's behalf (cross-site WebSocket hijacking). Allowed:
 * PUBLIC_URL's origin when set (else an origin naming the Host the request was sent to),
 * and the ALLOWED_ORIGINS list. No Origin header at all: not a browser (y-websocket or
 * socket.io clients in Node, the tests, bots), which could send any Origin it likes, so
 * refusing it would stop nobody; such a client still needs the room code and, for the
 * Yjs socket, a ticket, and spends the same budgets.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null" (sandboxed frames, file: pages)
  }
  if (policy.allowedOrigins.includes(url.origin)) return true;
  if (policy.publicUrl) return new URL(policy.publicUrl).origin === url.origin;
  return host !== undefined && url.host === host.toLowerCase();
}

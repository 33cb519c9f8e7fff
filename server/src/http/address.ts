/**
 * The address a request came from, for the join rate limit. Behind `proxyHops` reverse
 * proxies (TRUST_PROXY), each appends the address it saw to X-Forwarded-For, so the client
 * is the entry `proxyHops` from the right; entries further left were written by the client
 * and are not believed (one could otherwise pick a new address for every guess). Without a
 * proxy, or without the header, it is the socket's peer.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxyHops: number,
): string {
  const peer = remote ?? 'unknown';
  if (proxyHops <= 0 || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return hops[hops.length - proxyHops] ?? hops[0] ?? peer;
}

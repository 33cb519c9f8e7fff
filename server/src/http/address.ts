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

/**
 * The key an address is counted under: IPv4 as is (an IPv4-mapped IPv6 address as its
 * IPv4), IPv6 by its /64 network, which one host or home usually holds whole: counting
 * single IPv6 addresses would give one machine 2^64 budgets.
 */
export function limitKey(address: string): string {
  const plain = address.split('%')[0] ?? address;
  if (!plain.includes(':')) return plain;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped?.[1]) return mapped[1];
  const [left = '', right] = plain.split('::');
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const zeros =
    right === undefined ? [] : Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0');
  const groups = [...head, ...zeros, ...tail];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The limit key of an HTTP request's client (TRUST_PROXY respected). */
export const requestKey = (
  req: {
    socket: { remoteAddress?: string | undefined };
    headers: Record<string, string | string[] | undefined>;
  },
  proxyHops: number,
): string =>
  limitKey(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], proxyHops));

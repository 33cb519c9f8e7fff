import net from 'node:net';

/**
 * A slow link between the browser and the server, as a TCP proxy: every byte in either
 * direction waits its turn on a shared link of the given throughput, then half the round
 * trip. Unlike DevTools' throttling (CDP Network.emulateNetworkConditions), it also slows
 * what a service worker fetches and every WebSocket message (DevTools delays only a
 * WebSocket's handshake), so each sequential round trip of a visit costs what it costs on
 * the phone. No TCP handshake delay (DevTools adds none either).
 */
export interface LinkProfile {
  /** Round trip, ms. */
  latency: number;
  /** Bytes per second. */
  downloadThroughput: number;
  uploadThroughput: number;
}

export interface Shaper {
  port: number;
  close(): Promise<void>;
}

function link(throughput: number, oneWayMs: number) {
  let busyUntil = 0;
  return (bytes: number): number => {
    const now = Date.now();
    busyUntil = Math.max(now, busyUntil) + (bytes / throughput) * 1000;
    return busyUntil + oneWayMs - now;
  };
}

/** One direction of one connection: chunks leave in order, each after its link delay. */
function pipe(from: net.Socket, to: net.Socket, delayOf: (bytes: number) => number): void {
  let last = Promise.resolve();
  from.on('data', (chunk: Buffer) => {
    const delay = delayOf(chunk.length);
    const due = new Promise<void>((resolve) => setTimeout(resolve, delay));
    last = Promise.all([last, due]).then(() => {
      if (!to.destroyed) to.write(chunk);
    });
  });
  from.on('end', () => void last.then(() => to.end()));
  from.on('error', () => to.destroy());
}

export function startShaper(targetPort: number, profile: LinkProfile): Promise<Shaper> {
  const down = link(profile.downloadThroughput, profile.latency / 2);
  const up = link(profile.uploadThroughput, profile.latency / 2);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    pipe(client, upstream, up);
    pipe(upstream, client, down);
    const forget = (): void => void (sockets.delete(client), sockets.delete(upstream));
    client.on('close', () => (upstream.destroy(), forget()));
    upstream.on('close', () => (client.destroy(), forget()));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

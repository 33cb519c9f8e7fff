import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus 3.4 as a peer: its Server with no extensions, so no persistence and no
 * auth hook (documents live in memory only). Prints `{"port":N}` once listening.
 */
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
console.log(JSON.stringify({ port: server.address.port }));

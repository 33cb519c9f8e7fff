import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TIMING } from '@twinspace/shared';
import { RateLimiter } from './auth/rate-limit.ts';
import { TicketSigner } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { createHttpApp } from './http/routes.ts';
import type { Logger } from './log.ts';
import { attachSocketIO } from './realtime/socketio.ts';
import { attachYws } from './realtime/yws.ts';
import { RoomRegistry } from './rooms/registry.ts';
import { combineHooks, type PartialHooks } from './rooms/types.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';

export interface RunningApp {
  url: string;
  port: number;
  server: http.Server;
  registry: RoomRegistry;
  close(): Promise<void>;
}

function logHooks(log: Logger): PartialHooks {
  return {
    onLoad: (p) => log.info(p, 'board loaded'),
    onUnload: (p) => log.info(p, 'board unloaded'),
    onRefused: (p) => log.warn({ code: p.code, role: p.actor.role, reason: p.reason, detail: p.detail }, 'update refused'),
    onStoreError: (p) => log.error({ code: p.code, error: String(p.error) }, 'store error: board dropped from memory'),
    onCompacted: (p) => log.debug(p, 'compacted'),
  };
}

/** Wires the adapters together and listens; tests start it on port 0. */
export async function startApp(config: Config, log: Logger, opts: { store?: Store } = {}): Promise<RunningApp> {
  const store = opts.store ?? openSqliteStore(config.dataDir);
  const tickets = new TicketSigner(config.ticketSecret ?? (await store.secret('ticket')));
  const limiter = new RateLimiter(TIMING.joinRateBurst, TIMING.joinRatePerMinute);
  // Filled in once the control plane exists: refusals become notices to the sender.
  const notices: PartialHooks = {};
  const hooks = combineHooks([logHooks(log), { onRefused: (p) => notices.onRefused?.(p) }], (err) =>
    log.error({ err }, 'hook failed'),
  );
  const registry = new RoomRegistry(store, hooks, log);
  const app = createHttpApp({ config, store, registry, limiter, log, storeKind: 'sqlite' });
  const server = http.createServer(app);
  const control = attachSocketIO(server, { store, registry, tickets, limiter, log });
  notices.onRefused = (p) =>
    control.notify(p.code, p.actor.participantId, { type: 'update-refused', reason: p.reason, detail: p.detail });
  const wss = attachYws(server, { registry, tickets, log });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    registry,
    async close() {
      await registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await control.io.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

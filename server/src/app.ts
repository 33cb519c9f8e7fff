import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { TIMING, WS_CLOSE } from '@twinspace/shared';
import { Limits } from './auth/limits.ts';
import { BOARD_SERVER } from './boards/index.ts';
import { TicketSigner } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { createHttpApp } from './http/routes.ts';
import type { Logger } from './log.ts';
import { createMetrics, serveMetricsPort } from './metrics.ts';
import { Readiness } from './readiness.ts';
import { attachSocketIO } from './realtime/socketio.ts';
import { attachYws } from './realtime/yws.ts';
import { RoomRegistry } from './rooms/registry.ts';
import { memoryLedger, redisLedger, type CommandLedger } from './rooms/idempotency.ts';
import { combineHooks, type PartialHooks } from './rooms/types.ts';
import { connectRedis, openRedisStore } from './store/redis.ts';
import { redisPresenceBus } from './store/redis-presence.ts';
import type { PresenceBus } from './store/types.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';

export interface RunningApp {
  url: string;
  port: number;
  server: http.Server;
  registry: RoomRegistry;
  readiness: Readiness;
  /**
   * A graceful stop (SIGTERM): not ready at once, stop taking connections, finish and store
   * what was accepted, then close every client with "service restart" so it reconnects
   * (through the balancer, to another process) with nothing lost.
   */
  drain(delayMs?: number): Promise<void>;
  close(): Promise<void>;
}

function logHooks(log: Logger): PartialHooks {
  return {
    onLoad: (p) => log.info(p, 'board loaded'),
    onUnload: (p) => log.info(p, 'board unloaded'),
    onRefused: (p) =>
      log.warn(
        { code: p.code, role: p.actor.role, reason: p.reason, detail: p.detail },
        'update refused',
      ),
    onStoreError: (p) =>
      log.error({ code: p.code, error: String(p.error) }, 'store error: board dropped from memory'),
    onCompacted: (p) => log.debug(p, 'compacted'),
  };
}

interface Backend {
  store: Store;
  kind: string;
  /** Scale-out: a connection of its own for the shared budgets (rate-limiter-flexible). */
  limitsRedis?: Redis;
  /** Socket.IO across processes: the Redis adapter, with connection-state recovery. */
  serverOptions?: Partial<ServerOptions>;
  presenceBus?: PresenceBus;
  /** Answers of keyed commands: in memory alone, in Redis when scaled out. */
  ledger: CommandLedger;
  close(): Promise<void>;
}

/**
 * Without REDIS_URL: the embedded SQLite store, one process. With it: boards in Redis and
 * Socket.IO through the Redis streams adapter, so any number of processes serve one board.
 * An unreachable Redis fails here, at start, with a message naming it.
 */
async function openBackend(
  config: Config,
  log: Logger,
  given: Store | undefined,
): Promise<Backend> {
  if (given)
    return { store: given, kind: 'custom', ledger: memoryLedger(), close: () => given.close() };
  if (!config.redisUrl) {
    const store = openSqliteStore(config.dataDir);
    return { store, kind: 'sqlite', ledger: memoryLedger(), close: () => store.close() };
  }
  const onError = (error: unknown): void =>
    log.warn({ error: String(error) }, 'redis connection trouble');
  const prefix = config.redisPrefix;
  const store = await openRedisStore({ url: config.redisUrl, prefix, onError });
  let redis: Redis;
  try {
    redis = await connectRedis(config.redisUrl, 'twinspace-socketio', onError);
  } catch (error) {
    await store.close();
    throw error;
  }
  swallowRejections(redis, 'set', onError);
  const presenceRedis = redis.duplicate();
  presenceRedis.on('error', onError);
  const limitsRedis = redis.duplicate();
  limitsRedis.on('error', onError);
  const ledgerRedis = redis.duplicate();
  ledgerRedis.on('error', onError);
  const adapter = createAdapter(redis, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}socket.io:session:`,
    blockTimeInMs: TIMING.redisLogBlockMs,
  });
  return {
    store,
    kind: 'redis',
    limitsRedis,
    serverOptions: {
      adapter,
      connectionStateRecovery: { maxDisconnectionDuration: TIMING.socketRecoveryMs },
    },
    presenceBus: redisPresenceBus(presenceRedis, prefix),
    ledger: redisLedger(ledgerRedis, prefix),
    async close() {
      ledgerRedis.disconnect();
      await store.close();
      redis.disconnect();
      presenceRedis.disconnect();
      limitsRedis.disconnect();
    },
  };
}

/**
 * The streams adapter persists a session with a SET it does not await: while Redis is
 * away that would be an unhandled rejection, which ends a Node process. Log it instead.
 */
function swallowRejections(redis: Redis, method: 'set', onError: (error: unknown) => void): void {
  const original = (redis[method] as (...args: unknown[]) => Promise<unknown>).bind(redis);
  Object.assign(redis, {
    [method]: (...args: unknown[]) => {
      const pending = original(...args);
      pending.catch(onError);
      return pending;
    },
  });
}

/** Wires the adapters together and listens; tests start it on port 0. */
export async function startApp(
  config: Config,
  log: Logger,
  opts: { store?: Store } = {},
): Promise<RunningApp> {
  const backend = await openBackend(config, log, opts.store);
  const { store } = backend;
  const metrics = createMetrics();
  const tickets = new TicketSigner(config.ticketSecret ?? (await store.secret('ticket')));
  const limits = new Limits(config.limits, {
    prefix: config.redisPrefix,
    ...(backend.limitsRedis ? { redis: backend.limitsRedis } : {}),
  });
  const origins = { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins };
  // Filled in once the control plane exists: refusals become notices to the sender.
  const notices: PartialHooks = {};
  const announce = { deleted: (_code: string): void => undefined };
  const readiness = new Readiness(store);
  const hooks = combineHooks(
    [
      logHooks(log),
      metrics.hooks,
      { onRefused: (p) => notices.onRefused?.(p) },
      { onStoreError: (p) => readiness.storeFailed(p.error) },
    ],
    (err) => log.error({ err }, 'hook failed'),
  );
  const registry = new RoomRegistry(store, hooks, log, config.roomUnloadGraceMs, config.docLimits);
  const app = createHttpApp({
    config,
    store,
    registry,
    limits,
    tickets,
    log,
    storeKind: backend.kind,
    announceDeleted: (code) => announce.deleted(code),
    extend: (express) => {
      readiness.mount(express);
      // /metrics on the public port only behind METRICS_TOKEN; else on METRICS_PORT, or off.
      if (config.metricsToken) metrics.mount(express, config.metricsToken);
      else express.get('/metrics', (_req, res) => void res.status(404).json({ error: 'not here' }));
    },
  });
  const server = http.createServer(app);
  const control = attachSocketIO(server, {
    store,
    registry,
    tickets,
    limits,
    log,
    ticketTtlMs: config.ticketTtlMs,
    ledger: backend.ledger,
    boards: BOARD_SERVER,
    proxyHops: config.proxyHops,
    origins,
    ...(backend.serverOptions ? { serverOptions: backend.serverOptions } : {}),
    ...(backend.presenceBus ? { presenceBus: backend.presenceBus } : {}),
  });
  metrics.countControlConnections(() => control.io.engine.clientsCount);
  announce.deleted = (code) => control.notifyBoard(code, { type: 'board-deleted' });
  notices.onRefused = (p) =>
    control.notify(p.code, p.actor.participantId, {
      type: 'update-refused',
      reason: p.reason,
      detail: p.detail,
    });
  const wss = attachYws(server, {
    registry,
    tickets,
    log,
    limits,
    origins,
    proxyHops: config.proxyHops,
  });
  const metricsServer =
    !config.metricsToken && config.metricsPort !== undefined
      ? await serveMetricsPort(metrics, config.metricsPort, config.host)
      : undefined;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = async (closeCode: number): Promise<void> => {
    await registry.closeAll(closeCode);
    // Let the close frames reach the clients (they say "reconnect") before cutting the rest.
    const until = Date.now() + 1_000;
    while (wss.clients.size > 0 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await control.io.close();
    server.closeAllConnections();
    metricsServer?.closeAllConnections();
    metricsServer?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await backend.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    registry,
    readiness,
    drain(delayMs = config.drainDelayMs) {
      readiness.startDraining();
      closing ??= (async () => {
        // Give a balancer that polls /readyz time to stop sending new clients here.
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        // No new connections; open ones are closed below, after their work is stored.
        server.close();
        await close(WS_CLOSE.serviceRestart);
      })();
      return closing;
    },
    close() {
      closing ??= close(1001);
      return closing;
    },
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { TIMING, WS_CLOSE } from '@twinspace/shared';
import { Limits } from './auth/limits.ts';
import { PhotoKeys } from './photos/key.ts';
import { PhotoService } from './photos/service.ts';
import { BOARD_SERVER } from './boards/index.ts';
import { TicketSigner } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { createHttpApp, originOf } from './http/routes.ts';
import { mountTeamRoutes } from './http/team.ts';
import { ticketStands } from './auth/ticketStands.ts';
import { linkStillActive } from './auth/facilitators.ts';
import { activityLogger } from './team/activity.ts';
import { LinkSockets } from './team/linkSockets.ts';
import type { Logger } from './log.ts';
import { createMetrics, serveMetricsPort } from './metrics.ts';
import { Readiness } from './readiness.ts';
import { attachSocketIO } from './realtime/socketio.ts';
import { attachYws } from './realtime/yws.ts';
import { RoomRegistry } from './rooms/registry.ts';
import { memoryLedger, redisLedger, type CommandLedger } from './rooms/idempotency.ts';
import { sqliteLedger } from './rooms/idempotency-sqlite.ts';
import {
  localRemovalBus,
  removeBoard,
  type RemovalBus,
  type RemovalDeps,
} from './rooms/removal.ts';
import { redisRemovalBus } from './store/redis-removal.ts';
import { Departures } from './departures.ts';
import { memoryTransfers, redisTransfers, type TransferStore } from './http/transfers.ts';
import { ActivityTracker } from './retention/activity.ts';
import { redisSweepClaim, RetentionSweeper } from './retention/sweeper.ts';
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
  /** Deletes boards whose retention ran out; tests call `sweep()` with their own clock. */
  retention: RetentionSweeper;
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
  /** Deletions reach every process (rooms/removal.ts). */
  removals: RemovalBus;
  /** One-time links for a facilitator's list of boards (http/transfers.ts). */
  transfers: TransferStore;
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
  const alone = {
    ledger: memoryLedger(),
    removals: localRemovalBus(),
    transfers: memoryTransfers(),
  };
  if (given) return { store: given, kind: 'custom', ...alone, close: () => given.close() };
  if (!config.redisUrl) {
    const store = openSqliteStore(config.dataDir);
    // Answers of keyed commands outlive a crash, beside the boards (idempotency-sqlite.ts).
    const ledger = sqliteLedger(config.dataDir);
    const close = async (): Promise<void> => {
      ledger.close();
      await store.close();
    };
    return { store, kind: 'sqlite', ...alone, ledger, close };
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
  const [removalPub, removalSub] = [redis.duplicate(), redis.duplicate()];
  for (const r of [removalPub, removalSub]) r.on('error', onError);
  const removals = redisRemovalBus(removalPub, removalSub, prefix, onError);
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
    removals,
    transfers: redisTransfers(limitsRedis, prefix),
    async close() {
      ledgerRedis.disconnect();
      removals.close();
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
  opts: { store?: Store; now?: () => number } = {},
): Promise<RunningApp> {
  const backend = await openBackend(config, log, opts.store);
  const { store } = backend;
  const now = opts.now ?? Date.now;
  const activity = new ActivityTracker(store, log, now);
  const metrics = createMetrics();
  const tickets = new TicketSigner(config.ticketSecret ?? (await store.secret('ticket')));
  const limits = new Limits(config.limits, {
    prefix: config.redisPrefix,
    ...(backend.limitsRedis ? { redis: backend.limitsRedis } : {}),
  });
  const origins = { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins };
  // Filled in once the control plane exists: refusals become notices to the sender.
  const notices: PartialHooks = {};
  const readiness = new Readiness(store);
  const hooks = combineHooks(
    [
      logHooks(log),
      metrics.hooks,
      { onRefused: (p) => notices.onRefused?.(p) },
      { onStoreError: (p) => readiness.storeFailed(p.error) },
      activity.hooks,
      // What this process accepted from a person another process removed or erased (R23, R29).
      { onRemoteRevocation: (p) => departures.sweep(p) },
    ],
    (err) => log.error({ err }, 'hook failed'),
  );
  const registry = new RoomRegistry(store, hooks, log, config.roomUnloadGraceMs, config.docLimits);
  const removal: RemovalDeps = {
    store,
    bus: backend.removals,
    forget: [(code) => backend.ledger.forget?.(code), (code) => limits.forgetBoard(code)],
  };
  const removeBoardHere = (code: string): Promise<boolean> => removeBoard(removal, code);
  const sweeper = new RetentionSweeper({
    store,
    config: config.retention,
    log,
    removeBoard: removeBoardHere,
    now,
    ...(backend.limitsRedis
      ? { claim: redisSweepClaim(backend.limitsRedis, config.redisPrefix) }
      : {}),
  });
  const photoKeys = new PhotoKeys(config.ticketSecret ?? (await store.secret('ticket')));
  const photos = new PhotoService(store, registry, photoKeys, config.photos);
  const departures = new Departures({ store, bus: backend.removals, registry, photos, log });
  // Facilitator links' Yjs sockets, closed when their link is revoked (docs/team.md).
  const linkSockets = new LinkSockets();
  const app = createHttpApp({
    removeBoard: removeBoardHere,
    keepBoard: (code) => activity.keep(code),
    transfers: backend.transfers,
    config,
    store,
    registry,
    limits,
    tickets,
    log,
    storeKind: backend.kind,
    photos,
    extend: (express) => {
      readiness.mount(express);
      mountTeamRoutes(express, {
        store,
        limits,
        log,
        proxyHops: config.proxyHops,
        origin: (req) => originOf(config, req),
        revoke: (code, linkId) => control.revokeLink(code, linkId),
      });
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
    removeBoard: removeBoardHere,
    erasePerson: departures.erase,
    forgetPhotos: departures.forgetPhotos,
    proxyHops: config.proxyHops,
    origins,
    onLinkRevoked: (code, linkId) => linkSockets.close(code, linkId),
    onCommand: activityLogger(store, BOARD_SERVER, log),
    ...(backend.serverOptions ? { serverOptions: backend.serverOptions } : {}),
    // A connection recovered after a drop is held to what happened meanwhile (SPEC R35).
    sessionStands: async (s) =>
      (await store.getBoard(s.code)) !== null &&
      (await ticketStands({ store, registry }, s.code, s)),
    ...(backend.presenceBus ? { presenceBus: backend.presenceBus } : {}),
  });
  metrics.countControlConnections(() => control.io.engine.clientsCount);
  notices.onRefused = (p) =>
    control.notify(p.code, p.actor.participantId, {
      type: 'update-refused',
      reason: p.reason,
      detail: p.detail,
    });
  backend.removals.subscribe(({ code, participantId }) => {
    control.closeLocal(code, participantId);
    if (participantId === undefined) registry.drop(code, WS_CLOSE.boardDeleted, 'board deleted');
    else registry.peek(code)?.closeAll(WS_CLOSE.participantErased, 'data deleted', participantId);
  });
  const wss = attachYws(server, {
    registry,
    store,
    tickets,
    log,
    limits,
    origins,
    proxyHops: config.proxyHops,
    links: linkSockets,
    admit: (code, claims) => linkStillActive(store, code, claims.link),
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
  sweeper.start();
  let closing: Promise<void> | null = null;
  const close = async (closeCode: number): Promise<void> => {
    sweeper.stop();
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
    retention: sweeper,
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

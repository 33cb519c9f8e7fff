import http from 'node:http';
import express from 'express';
import { tokenMatches, hashToken } from './auth/tokens.ts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PartialHooks } from './rooms/types.ts';

export interface Metrics {
  registry: Registry;
  /** Subscribed to the rooms' lifecycle hooks (combined in app.ts). */
  hooks: PartialHooks;
  /** Socket.IO connections are counted where they live, read at scrape time. */
  countControlConnections: (read: () => number) => void;
  /**
   * GET /metrics in the Prometheus text format; with a token, only for requests that carry
   * `Authorization: Bearer <token>` (METRICS_TOKEN), 401 for the others.
   */
  mount: (app: express.Express, token?: string) => void;
}

/** /metrics alone on a port of its own (METRICS_PORT), for a network only the operator reaches. */
export async function serveMetricsPort(
  metrics: Metrics,
  port: number,
  host: string,
): Promise<http.Server> {
  const app = express();
  app.disable('x-powered-by');
  metrics.mount(app);
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** Receive-to-relay, in seconds: a relay is usually a few ms, a slow store shows in the tail. */
const RELAY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Per-process metrics. A registry of its own (not prom-client's global one), so several
 * apps in one test process do not collide; scrape every process, not the load balancer.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const make = { registers: [registry] };
  const connections = new Gauge({
    name: 'twinspace_connections',
    help: 'Open document (Yjs) connections.',
    ...make,
  });
  let readControl = (): number => 0;
  new Gauge({
    name: 'twinspace_control_connections',
    help: 'Open control-plane (Socket.IO) connections.',
    collect() {
      this.set(readControl());
    },
    ...make,
  });
  const boards = new Gauge({
    name: 'twinspace_boards_loaded',
    help: 'Boards held in memory.',
    ...make,
  });
  const accepted = new Counter({
    name: 'twinspace_updates_accepted_total',
    help: 'Client updates accepted and stored.',
    ...make,
  });
  const acceptedBytes = new Counter({
    name: 'twinspace_updates_accepted_bytes_total',
    help: 'Bytes of accepted client updates.',
    ...make,
  });
  const refused = new Counter({
    name: 'twinspace_updates_refused_total',
    help: 'Client updates refused by the rules, by reason.',
    labelNames: ['reason'] as const,
    ...make,
  });
  const relay = new Histogram({
    name: 'twinspace_relay_latency_seconds',
    help: 'From receiving a change to relaying it, durable append included.',
    buckets: RELAY_BUCKETS,
    ...make,
  });
  const storeErrors = new Counter({
    name: 'twinspace_store_errors_total',
    help: 'Store failures (the board is dropped from memory).',
    ...make,
  });
  const compactions = new Counter({
    name: 'twinspace_compactions_total',
    help: 'Log compactions into a snapshot.',
    ...make,
  });

  return {
    registry,
    hooks: {
      onPeerJoin: () => connections.inc(),
      onPeerLeave: () => connections.dec(),
      onLoad: () => boards.inc(),
      onUnload: () => boards.dec(),
      onAccepted: (p) => {
        accepted.inc();
        acceptedBytes.inc(p.bytes);
      },
      onRefused: (p) => refused.inc({ reason: p.reason }),
      onRelayed: (p) => relay.observe(p.ms / 1000),
      onStoreError: () => storeErrors.inc(),
      onCompacted: () => compactions.inc(),
    },
    countControlConnections: (read) => {
      readControl = read;
    },
    mount: (app, token) => {
      const tokenHash = token === undefined ? null : hashToken(token);
      app.get('/metrics', async (req, res) => {
        if (tokenHash !== null) {
          const given = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
          if (!given || !tokenMatches(given, tokenHash)) {
            res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
            return void res.status(401).json({ error: 'metrics need METRICS_TOKEN' });
          }
        }
        res.type(registry.contentType).send(await registry.metrics());
      });
    },
  };
}

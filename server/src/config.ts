import path from 'node:path';
import { TIMING } from '@twinspace/shared';

/** Every setting comes from the environment, with a default that is safe to run as is. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  /** Key prefix in Redis, so that several deployments (and tests) can share one Redis. */
  redisPrefix: string;
  ticketSecret: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  /**
   * How many reverse proxies stand in front (TRUST_PROXY: `true` or `1` for one, as in
   * docker-compose.yml, or a number): their X-Forwarded-* headers are believed that far.
   */
  proxyHops: number;
  clientDist: string;
  /** How long a board nobody is connected to stays in memory (ROOM_UNLOAD_GRACE_MS). */
  roomUnloadGraceMs: number;
  /** How long a Yjs ticket stays valid (TICKET_TTL_MS); clients renew it by themselves. */
  ticketTtlMs: number;
  /** On SIGTERM, how long to stay up but not ready before closing (DRAIN_DELAY_MS). */
  drainDelayMs: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
}

function proxyHopsFrom(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(`TRUST_PROXY must be true, false or a number of proxies, got "${value}"`);
  return n;
}

function durationFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be milliseconds, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'twinspace:',
    ticketSecret: env.TICKET_SECRET || undefined,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    logLevel: env.LOG_LEVEL || 'info',
    proxyHops: proxyHopsFrom(env.TRUST_PROXY),
    clientDist: path.resolve(env.CLIENT_DIST || path.join(root, 'client/dist')),
    roomUnloadGraceMs: Number(env.ROOM_UNLOAD_GRACE_MS) || TIMING.roomUnloadGraceMs,
    ticketTtlMs: durationFrom(env.TICKET_TTL_MS, TIMING.ticketTtlMs, 'TICKET_TTL_MS'),
    drainDelayMs: durationFrom(env.DRAIN_DELAY_MS, 0, 'DRAIN_DELAY_MS'),
  };
}

import path from 'node:path';
import { TIMING } from '@twinspace/shared';
import { docLimitsFrom, type DocLimits } from './rooms/limits.ts';
import { photoCapsFrom } from './photos/config.ts';
import type { PhotoCaps } from './store/photos.ts';

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
  /** What clients can make a board grow by (MAX_BOARD_BYTES, MAX_CLIENT_IDS, ...). */
  docLimits: DocLimits;
  limits: LimitsConfig;
  /** Origins besides PUBLIC_URL and the served Host allowed to open sockets (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Bearer token for GET /metrics (METRICS_TOKEN); unset: /metrics is not on the public port. */
  metricsToken: string | undefined;
  /** A separate port for /metrics when METRICS_TOKEN is unset (METRICS_PORT); unset: off. */
  metricsPort: number | undefined;
  /** How long a Yjs ticket stays valid (TICKET_TTL_MS); clients renew it by themselves. */
  ticketTtlMs: number;
  /** On SIGTERM, how long to stay up but not ready before closing (DRAIN_DELAY_MS). */
  drainDelayMs: number;
  retention: RetentionConfig;
  /** What the photo store may hold (PHOTOS_BOARD_BYTES, PHOTOS_TOTAL_BYTES; docs/photos.md). */
  photos: PhotoCaps;
}

/** How long boards are kept after their last activity (docs/privacy.md, "How long"). */
export interface RetentionConfig {
  /** RETENTION_DAYS: a board is deleted this long after its last activity; 0 = kept forever. */
  defaultDays: number;
  /** RETENTION_MAX_DAYS: the longest a facilitator may set for their board; 0 = no maximum. */
  maxDays: number;
}

function retentionFrom(env: NodeJS.ProcessEnv): RetentionConfig {
  const days = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 36_500)
      throw new Error(`${name} must be a whole number of days from 0 to 36500, got "${value}"`);
    return n;
  };
  const defaultDays = days(env.RETENTION_DAYS, 90, 'RETENTION_DAYS');
  const maxDays = days(
    env.RETENTION_MAX_DAYS,
    defaultDays === 0 ? 0 : Math.max(365, defaultDays),
    'RETENTION_MAX_DAYS',
  );
  if (maxDays > 0 && (defaultDays === 0 || defaultDays > maxDays))
    throw new Error(
      `RETENTION_DAYS (${defaultDays || 'forever'}) must not be longer than RETENTION_MAX_DAYS (${maxDays})`,
    );
  return { defaultDays, maxDays };
}

/** Budgets and limits against abuse; see docs/SECURITY.md "Budgets and limits". */
export interface LimitsConfig {
  /** Failed lookups by code (unknown code, wrong credential) per client and minute. */
  lookupFailuresPerMinute: number;
  /** Boards created per client address and hour. */
  boardsPerHour: number;
  /** New participants (not rejoins) per board, client address and hour. */
  joinsPerHour: number;
  /** Participants a board takes at most (the facilitator and projectors are not counted). */
  participantsPerBoard: number;
  /** Open Socket.IO connections per client address (per process), and as many Yjs sockets. */
  socketsPerAddress: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  lookupFailuresPerMinute: 30,
  boardsPerHour: 30,
  joinsPerHour: 600,
  participantsPerBoard: 1000,
  socketsPerAddress: 1000,
};

function countFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new Error(`${name} must be a whole number from 1 to 1000000, got "${value}"`);
  return n;
}

function originsFrom(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      try {
        return new URL(part).origin;
      } catch {
        throw new Error(
          `ALLOWED_ORIGINS must list origins like https://example.org, got "${part}"`,
        );
      }
    });
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
    docLimits: docLimitsFrom(env),
    photos: photoCapsFrom(env),
    limits: {
      lookupFailuresPerMinute: countFrom(
        env.LOOKUP_FAILURES_PER_MINUTE,
        DEFAULT_LIMITS.lookupFailuresPerMinute,
        'LOOKUP_FAILURES_PER_MINUTE',
      ),
      boardsPerHour: countFrom(
        env.BOARDS_PER_ADDRESS_PER_HOUR,
        DEFAULT_LIMITS.boardsPerHour,
        'BOARDS_PER_ADDRESS_PER_HOUR',
      ),
      joinsPerHour: countFrom(
        env.JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR,
        DEFAULT_LIMITS.joinsPerHour,
        'JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR',
      ),
      participantsPerBoard: countFrom(
        env.PARTICIPANTS_PER_BOARD,
        DEFAULT_LIMITS.participantsPerBoard,
        'PARTICIPANTS_PER_BOARD',
      ),
      socketsPerAddress: countFrom(
        env.SOCKETS_PER_ADDRESS,
        DEFAULT_LIMITS.socketsPerAddress,
        'SOCKETS_PER_ADDRESS',
      ),
    },
    allowedOrigins: originsFrom(env.ALLOWED_ORIGINS),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? intFrom(env.METRICS_PORT, 0, 'METRICS_PORT') : undefined,
    ticketTtlMs: durationFrom(env.TICKET_TTL_MS, TIMING.ticketTtlMs, 'TICKET_TTL_MS'),
    drainDelayMs: durationFrom(env.DRAIN_DELAY_MS, 0, 'DRAIN_DELAY_MS'),
    retention: retentionFrom(env),
  };
}

import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { PHOTO_LIMITS } from '@twinspace/shared/boards/photos/layout';
import type { LimitsConfig } from '../config.ts';
import { deleteKeysStartingWith } from '../store/redis-scan.ts';

/** Allowed, or refused with how long to wait (for Retry-After). */
export type Verdict = { ok: true } | { ok: false; retryAfterS: number };

const ALLOWED: Verdict = { ok: true };

const refusal = (msBeforeNext: number): Verdict => ({
  ok: false,
  retryAfterS: Math.max(1, Math.ceil(msBeforeNext / 1000)),
});

/** Where the counters live: this process's memory, or Redis shared by every process. */
export interface LimitBackend {
  redis?: Redis;
  /** The deployment's key prefix (REDIS_PREFIX). */
  prefix: string;
}

function limiter(
  backend: LimitBackend,
  name: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  const options = { keyPrefix: `${backend.prefix}limit:${name}`, points, duration };
  if (!backend.redis) return new RateLimiterMemory(options);
  // While Redis is away the limits still hold per process rather than failing every request.
  return new RateLimiterRedis({
    ...options,
    storeClient: backend.redis,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Counts an attempt; refused once over the limit. Store errors fall back to the insurance. */
async function take(rl: RateLimiterAbstract, key: string): Promise<Verdict> {
  try {
    await rl.consume(key);
    return ALLOWED;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return refusal(rejection.msBeforeNext);
    throw rejection;
  }
}

/**
 * The budgets and limits every entry point shares (docs/SECURITY.md, "Budgets and limits").
 *
 * The lookup budget: every lookup of a board by its code (board info, the preview page,
 * exports, the Socket.IO join) asks `lookupAllowed` first and reports a failure (unknown
 * code, wrong credential, unknown export) with `lookupFailed`. Only failures spend it: 200
 * phones behind one venue NAT that type the right code are never throttled, while a
 * guesser gets LOOKUP_FAILURES_PER_MINUTE wrong answers and then 429 for everything,
 * known codes included, until the window ends. One key per client address, in Redis when
 * scaled out, so every process spends the same budget.
 */
export class Limits {
  private readonly lookups: RateLimiterAbstract;
  private readonly boards: RateLimiterAbstract;
  private readonly joins: RateLimiterAbstract;
  private readonly transfers: RateLimiterAbstract;
  private readonly photos: RateLimiterAbstract;
  /** Open sockets per address and transport, in this process. */
  private readonly open = new Map<string, number>();

  constructor(
    readonly config: LimitsConfig,
    private readonly backend: LimitBackend,
  ) {
    this.lookups = limiter(backend, 'lookup', config.lookupFailuresPerMinute, 60);
    this.boards = limiter(backend, 'create', config.boardsPerHour, 3600);
    this.joins = limiter(backend, 'join', config.joinsPerHour, 3600);
    // One-time links for a facilitator's list of boards (http/transfers.ts): as many as boards.
    this.transfers = limiter(backend, 'transfer', config.boardsPerHour, 3600);
    this.photos = limiter(backend, 'photo', PHOTO_LIMITS.perMinute, 60);
  }

  /** May this client look up a code now? (Spends nothing.) */
  async lookupAllowed(address: string): Promise<Verdict> {
    const res = await this.lookups.get(address).catch(() => null);
    if (res && res.consumedPoints >= this.config.lookupFailuresPerMinute)
      return refusal(res.msBeforeNext);
    return ALLOWED;
  }

  /** A lookup that failed: an unknown code, a wrong credential, an unknown export. */
  async lookupFailed(address: string): Promise<void> {
    await take(this.lookups, address);
  }

  /** One more board created from this address. */
  createBoard(address: string): Promise<Verdict> {
    return take(this.boards, address);
  }

  /** One more one-time link from this address. */
  transfer(address: string): Promise<Verdict> {
    return take(this.transfers, address);
  }

  /** One more new participant on this board from this address (rejoins are free). */
  newParticipant(code: string, address: string): Promise<Verdict> {
    return take(this.joins, `${code}:${address}`);
  }

  /** One more photo upload by this person on this board (docs/photos.md). */
  photoUpload(code: string, person: string): Promise<Verdict> {
    return take(this.photos, `${code}:${person}`);
  }

  /**
   * The board was deleted: its per-address join counters go (in Redis, where they name the
   * board and an address). In memory they are unlisted and end with their hour.
   */
  async forgetBoard(code: string): Promise<void> {
    const { redis, prefix } = this.backend;
    // rate-limiter-flexible's key: `<keyPrefix>:<key>`, the key being `<code>:<address>`.
    if (redis) await deleteKeysStartingWith(redis, `${prefix}limit:join:${code}:`);
  }

  /**
   * Opens a socket for this address on one transport, or returns null when it already has
   * `limit` (SOCKETS_PER_ADDRESS) open; call the returned release when the socket closes.
   * `engine`: Engine.IO connections under Socket.IO, capped at twice as many.
   */
  openSocket(
    transport: 'socketio' | 'engine' | 'yjs',
    address: string,
    limit = this.config.socketsPerAddress,
  ): (() => void) | null {
    const key = `${transport} ${address}`;
    const count = this.open.get(key) ?? 0;
    if (count >= limit) return null;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }
}

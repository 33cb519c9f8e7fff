import type { Redis } from 'ioredis';
import type { RetentionConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';

/** How often expired boards are looked for (and once at start). */
const SWEEP_EVERY_MS = 3_600_000;
/** Boards deleted per look; more wait for the next one (a board takes a few ms). */
const SWEEP_BATCH = 100;

export interface SweeperDeps {
  store: Store;
  config: RetentionConfig;
  log: Logger;
  /** rooms/removal.ts `removeBoard`: the sweeper deletes like a facilitator does. */
  removeBoard: (code: string) => Promise<unknown>;
  now: () => number;
  /** Scaled out: one process sweeps at a time (false: another one is on it). */
  claim?: () => Promise<boolean>;
}

/** Scaled out, the sweeper's lock: whoever sets it sweeps; it expires with the interval. */
export function redisSweepClaim(redis: Redis, prefix: string): () => Promise<boolean> {
  return async () =>
    (await redis.set(
      `${prefix}retention:sweeper`,
      String(process.pid),
      'PX',
      SWEEP_EVERY_MS / 2,
      'NX',
    )) === 'OK';
}

/**
 * Deletes the boards whose retention ran out (docs/privacy.md, "How long"): on start and
 * every SWEEP_EVERY_MS, through `removeBoard`, so a swept board goes exactly as a deleted
 * one does. Tests call `sweep` with a clock of their own.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(private readonly deps: SweeperDeps) {}

  start(): void {
    if (this.timer) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look; resolves with the codes it deleted (a look already running is shared). */
  sweep(): Promise<string[]> {
    this.running ??= this.look().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async look(): Promise<string[]> {
    const { store, config, log } = this.deps;
    const deleted: string[] = [];
    try {
      if (this.deps.claim && !(await this.deps.claim())) return deleted;
      const expired = await store.expiredBoards(this.deps.now(), config.defaultDays, SWEEP_BATCH);
      for (const code of expired) {
        await this.deps.removeBoard(code);
        deleted.push(code);
        log.info({ code }, 'board deleted: its retention ran out');
      }
    } catch (error) {
      log.error({ error: String(error) }, 'retention sweep failed; trying again later');
    }
    return deleted;
  }
}

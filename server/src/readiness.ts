import type express from 'express';
import type { Store } from './store/types.ts';

/** A store error within this window makes the process not ready. */
export const STORE_ERROR_WINDOW_MS = 15_000;
/** A probe write that has not answered within this counts as a failure. */
const PROBE_TIMEOUT_MS = 2_000;
/** Probe answers are reused for this long, so a busy health checker costs one write a second. */
const PROBE_CACHE_MS = 1_000;

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  store: 'ok' | 'failing';
  reason?: string;
}

/**
 * Whether this process should get new traffic (`GET /readyz`): the store takes a probe
 * write, no append failed within the last seconds, and the process is not draining.
 * `/healthz` only says the process is alive: a load balancer routes by this one.
 */
export class Readiness {
  private draining = false;
  private lastStoreErrorAt = -Infinity;
  private lastStoreError = '';
  private probe: { at: number; result: Promise<string | null> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }

  /** Fed by the rooms' `onStoreError` hook: an append or a load failed. */
  storeFailed(error: unknown): void {
    this.lastStoreErrorAt = this.now();
    this.lastStoreError = String(error);
  }

  async check(): Promise<ReadinessReport> {
    const probeError = await this.probeStore();
    const recent = this.now() - this.lastStoreErrorAt < STORE_ERROR_WINDOW_MS;
    const storeFailing = probeError !== null || recent;
    const report: ReadinessReport = {
      ready: !this.draining && !storeFailing,
      draining: this.draining,
      store: storeFailing ? 'failing' : 'ok',
    };
    if (this.draining) report.reason = 'draining';
    else if (probeError !== null) report.reason = `store probe failed: ${probeError}`;
    else if (recent) report.reason = `store error: ${this.lastStoreError}`;
    return report;
  }

  mount(app: express.Express): void {
    app.get('/readyz', async (_req, res) => {
      const report = await this.check();
      res.status(report.ready ? 200 : 503).json(report);
    });
  }

  private probeStore(): Promise<string | null> {
    const ping = this.store.ping?.bind(this.store);
    if (!ping) return Promise.resolve(null);
    const now = this.now();
    if (this.probe && now - this.probe.at < PROBE_CACHE_MS) return this.probe.result;
    const result = withTimeout(ping(), PROBE_TIMEOUT_MS).then(
      () => null,
      (error: unknown) => {
        this.storeFailed(error);
        return String(error);
      },
    );
    this.probe = { at: now, result };
    return result;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

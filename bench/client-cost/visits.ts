import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startShaper } from './shaper.ts';
import { traceRequests } from './trace.ts';

/**
 * A phone's first and repeat visits to a board (issue 13, item 8), in one persistent browser
 * profile (launchPersistentContext), so the service worker and the board's IndexedDB copy
 * survive from one visit to the next, as on a real phone:
 *  - first: a cold profile, the join form filled at once, until the board is editable;
 *  - repeat: the same profile after the page was closed, on the same network;
 *  - repeat-offline: the same again with the network off (context.setOffline).
 * The network is a throttling proxy (shaper.ts), not DevTools' emulation: a service worker's
 * fetches and WebSocket messages escape the latter, and they are what these visits are about.
 * "Editable": the screen full of topics and the add-topic field there (a write goes into the
 * local document from then on); "all topics": every topic of the board in the page.
 */
export const NETWORKS = {
  'slow-3g': { latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
  'fast-3g': { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 },
  none: null,
} as const;
export type NetworkName = keyof typeof NETWORKS;

export type VisitKind = 'first' | 'repeat' | 'repeat-offline';

export interface Visit {
  visit: VisitKind;
  network: NetworkName;
  cpuThrottle: number;
  /** Navigation until the server-rendered preview is painted (null: the page had none). */
  previewMs: number | null;
  /** Navigation until the screen is full of topics and the add-topic field is there. */
  editableMs: number;
  /** Navigation until every topic of the board is in the page. */
  allTopicsMs: number;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export async function throttle(cdp: CDPSession, network: NetworkName, cpu: number): Promise<void> {
  await cdp.send('Network.enable');
  const conditions = NETWORKS[network];
  await cdp.send(
    'Network.emulateNetworkConditions',
    conditions
      ? { offline: false, ...conditions }
      : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/**
 * The person can edit: the field to add a topic is there and the screen is full of topics
 * (the last card rendered starts below the screen's bottom edge), or every topic is there.
 * Lists render a screenful first and the rest when idle (client useProgressiveCount), so
 * "every topic in the page" is measured separately (allTopics).
 */
export function editable(page: Page, topics: number): Promise<unknown> {
  return page.waitForFunction(
    (n) => {
      if (document.querySelector('[data-testid="card-input"]') === null) return false;
      const cards = document.querySelectorAll('[data-testid="card"]');
      const last = cards[cards.length - 1];
      const done =
        cards.length >= n ||
        (last !== undefined && last.getBoundingClientRect().top >= window.innerHeight);
      // In a BENCH_PROFILE trace: where the bench saw the board editable.
      if (done) performance.mark('bench:editable');
      return done;
    },
    topics,
    { timeout: 60_000, polling: 50 },
  );
}

/** Every topic of the board in the page (the rest of the list, rendered when idle). */
export function allTopics(page: Page, topics: number): Promise<unknown> {
  return page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="card"]').length >= n,
    topics,
    { timeout: 60_000, polling: 50 },
  );
}

/** The preview's topics in the page and painted, or null when the page came without one. */
async function previewMs(page: Page, topics: number, t0: number): Promise<number | null> {
  const shown = await page
    .waitForFunction(
      // The app's own board (a repeat visit has no preview) ends the wait at its first card.
      (n) =>
        document.querySelectorAll('[data-testid="preview-card"]').length >= n ||
        document.querySelector('[data-testid="card"]') !== null,
      topics,
      { timeout: 60_000, polling: 'raf' },
    )
    .then(() => Date.now() - t0);
  const fromPreview = await page.locator('[data-testid="preview-card"]').count();
  return fromPreview > 0 ? shown : null;
}

async function timedVisit(
  context: BrowserContext,
  url: string,
  visit: VisitKind,
  network: NetworkName,
  cpu: number,
  topics: number,
): Promise<{ result: Visit; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The proxy slows the network (see visits()); DevTools only the CPU.
  await throttle(cdp, 'none', cpu);
  const trace = process.env.BENCH_TRACE ? traceRequests(cdp, `${visit} ${network}`) : null;
  const chunks: unknown[] = [];
  if (process.env.BENCH_PROFILE) {
    cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
    await cdp.send('Tracing.start', {
      categories:
        'blink.user_timing,devtools.timeline,v8,v8.execute,blink,loading,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
      transferMode: 'ReportEvents',
    });
  }
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  // A repeat visit has no preview and no join: the board can be editable as soon as it first
  // shows, so its wait runs from the start. Started after the preview's wait instead, it
  // measured the bench's own handoff (a round trip and its injected script, up to 0.2 s of
  // a throttled main thread) as part of the visit.
  const early = visit === 'first' ? null : editable(page, topics).then(() => Date.now() - t0);
  early?.catch(() => undefined); // reported below, where it is awaited
  const preview = await previewMs(page, topics, t0);
  let joinAt = 0;
  if (visit === 'first') {
    await page.getByTestId('join-name').fill('Phone', { timeout: 60_000 });
    await page.getByTestId('join-submit').click();
    joinAt = Date.now();
  }
  const editableMs = await (early ?? editable(page, topics).then(() => Date.now() - t0)).catch(
    async (error: unknown) => {
      console.error(`${visit}: ${(await page.locator('body').innerText()).slice(0, 300)}`);
      throw error;
    },
  );
  await allTopics(page, topics);
  const allTopicsMs = Date.now() - t0;
  trace?.print(t0, [
    ['preview', t0 + (preview ?? 0)],
    ['join submitted', joinAt],
    ['editable', t0 + editableMs],
  ]);
  if (process.env.BENCH_PROFILE) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    const file = path.join(process.env.BENCH_PROFILE, `${visit}-${t0}.json`);
    fs.mkdirSync(process.env.BENCH_PROFILE, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ t0, editableMs, traceEvents: chunks }));
  }
  // Later loads of this profile run at full speed (the service worker's precache, say).
  await throttle(cdp, 'none', 1);
  const result = { visit, network, cpuThrottle: cpu, previewMs: preview, editableMs, allTopicsMs };
  return { result, page: page };
}

/**
 * After the first visit: the service worker is active (its precache complete) and the
 * board's copy is in IndexedDB, as after a real first visit a phone was then put away.
 */
async function settled(page: Page, code: string): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(
    async (name) => {
      const dbs = await indexedDB.databases();
      return dbs.some((db) => db.name === name);
    },
    `twinspace.board.${code}.participant`,
    { timeout: 30_000, polling: 100 },
  );
}

/** The three visits of one fresh profile, through a link shaped like `network`. */
export async function visits(
  serverUrl: string,
  code: string,
  network: Exclude<NetworkName, 'none'>,
  cpu: number,
  topics: number,
): Promise<Visit[]> {
  const shaper = await startShaper(Number(new URL(serverUrl).port), NETWORKS[network]);
  const url = `http://127.0.0.1:${shaper.port}/b/${code}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-cost-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: BROWSER_ARGS,
    serviceWorkers: 'allow',
    ...PHONE,
  });
  try {
    const out: Visit[] = [];
    for (const visit of ['first', 'repeat', 'repeat-offline'] as const) {
      if (visit === 'repeat-offline') await context.setOffline(true);
      const { result, page } = await timedVisit(context, url, visit, network, cpu, topics);
      out.push(result);
      if (visit === 'first') await settled(page, code);
      await page.close();
    }
    return out;
  } finally {
    await context.close();
    await shaper.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

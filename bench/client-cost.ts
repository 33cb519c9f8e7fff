import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RoomRef } from './lib/plan.ts';
import { seed } from './lib/runner.ts';
import { machine } from './lib/report.ts';
import { startServer } from './servers/index.ts';
import { traceRequests } from './client-cost/trace.ts';
import {
  BROWSER_ARGS,
  CHROMIUM,
  PHONE,
  throttle,
  visits,
  type NetworkName,
  type Visit,
} from './client-cost/visits.ts';

/**
 * The client's cost (issue 6, item 4): which JavaScript each route loads before its board
 * shows (gzip sizes of those files in client/dist), and how long a throttled phone (CPU
 * 4x slower, a 3G network profile through CDP) takes to show a synced 200-topic board.
 * Issue 13 (item 8) adds a phone's first and repeat visits (client-cost/visits.ts).
 *   node --import tsx client-cost.ts [--no-build] [--runs=N] [--only=visits]
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'client/dist');
const TOPICS = 200;

interface RouteLoad {
  route: string;
  network: NetworkName;
  cpuThrottle: number;
  /**
   * Navigation start until every topic of the server-rendered preview (SPEC R15) is in the
   * page and painted (participant only): the board as it was when the page was served,
   * readable before any script ran. Null on routes without a preview.
   */
  previewMs: number | null;
  /** The browser's first contentful paint, from the page's own clock. */
  fcpMs: number | null;
  /** Navigation start until the name form (participant, facilitator) or board is usable. */
  readyMs: number;
  /** Join submitted (or navigation, projector) until every topic is on screen. */
  boardMs: number;
  totalMs: number;
  jsFiles: string[];
  jsGzipKb: number;
  /** What actually went over the wire for scripts (the server does not compress). */
  jsTransferKb: number;
}

const gzipKb = (file: string): number =>
  gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;
const round = (n: number): number => Math.round(n * 10) / 10;

async function loadRoute(
  browser: Browser,
  url: string,
  route: string,
  network: NetworkName,
  cpu: number,
): Promise<RouteLoad> {
  const context = await browser.newContext(
    route === 'participant' ? PHONE : { viewport: { width: 1366, height: 768 } },
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, network, cpu);
  // Scripts requested before the board shows, and their bytes on the wire.
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  let boardShown = false;
  cdp.on(
    'Network.responseReceived',
    (e: { requestId: string; type: string; response: { url: string } }) => {
      if (e.type === 'Script' && !boardShown) urls.set(e.requestId, e.response.url);
    },
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    sizes.set(e.requestId, e.encodedDataLength);
  });
  const trace = process.env.BENCH_TRACE ? traceRequests(cdp, network) : null;
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const previewMs = route === 'participant' ? await previewShown(page, t0) : null;
  const readyMs = await ready(page, route, t0);
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  const t1 = Date.now();
  if (route !== 'projector') await join(page);
  // The facilitator's view has no card list yet: its board is shown when its panel is.
  const shown =
    route === 'facilitator'
      ? page.getByTestId('phase-select').waitFor({ timeout: 60_000 })
      : page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="card"]').length >= n,
          TOPICS,
          { timeout: 60_000, polling: 50 },
        );
  await shown.catch(async (error: unknown) => {
    const cards = await page.locator('[data-testid="card"]').count();
    console.error(
      `${route}: ${cards} cards shown; ${(await page.locator('main').innerText()).slice(0, 300)}`,
    );
    throw error;
  });
  boardShown = true;
  const boardMs = Date.now() - t1;
  trace?.print(t0, [
    ['ready', t0 + readyMs],
    ['join', t1],
    ['board', t1 + boardMs],
  ]);
  const files = [...urls.values()]
    .map((u) => new URL(u).pathname.replace(/^\//, ''))
    .filter((f) => fs.existsSync(path.join(DIST, f)));
  const transfer = [...urls.keys()].reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0);
  await context.close();
  return {
    route,
    network,
    cpuThrottle: cpu,
    previewMs,
    fcpMs: fcpMs === null ? null : Math.round(fcpMs),
    readyMs,
    boardMs,
    totalMs: readyMs + boardMs,
    jsFiles: files,
    jsGzipKb: round(files.reduce((sum, f) => sum + gzipKb(f), 0)),
    jsTransferKb: round(transfer / 1024),
  };
}

/** Every topic of the preview in the page, and painted (one animation frame later). */
async function previewShown(page: Page, t0: number): Promise<number> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="preview-card"]').length >= n,
    TOPICS,
    { timeout: 60_000, polling: 'raf' },
  );
  return Date.now() - t0;
}

async function ready(page: Page, route: string, t0: number): Promise<number> {
  const selector =
    route === 'projector' ? '[data-testid="room-code"]' : '[data-testid="join-name"]';
  try {
    await page.locator(selector).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    console.error((await page.locator('body').innerText()).slice(0, 500));
    throw error;
  }
  return Date.now() - t0;
}

async function join(page: Page): Promise<void> {
  await page.getByTestId('join-name').fill('Phone');
  await page.getByTestId('join-submit').click();
}

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Median of each throttled measurement over the runs (the machine is shared and noisy). */
function medians(loads: RouteLoad[], phoneVisits: Visit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const network of ['slow-3g', 'fast-3g'] as const) {
    const runs = loads.filter((l) => l.cpuThrottle > 1 && l.network === network);
    if (runs.length) {
      out[`participant ${network} preview`] = median(runs.map((l) => l.previewMs ?? 0));
      out[`participant ${network} editable`] = median(runs.map((l) => l.totalMs));
    }
  }
  for (const kind of ['first', 'repeat', 'repeat-offline'] as const) {
    const runs = phoneVisits.filter((v) => v.visit === kind);
    if (!runs.length) continue;
    out[`${kind} visit ${runs[0]!.network} editable`] = median(runs.map((v) => v.editableMs));
    out[`${kind} visit ${runs[0]!.network} all topics`] = median(runs.map((v) => v.allTopicsMs));
  }
  return out;
}

async function routeLoads(base: string, room: RoomRef, runs: number): Promise<RouteLoad[]> {
  const routes: [string, string][] = [
    ['participant', `${base}/b/${room.name}`],
    ['projector', `${base}/b/${room.name}/projector`],
    ['facilitator', `${base}/b/${room.name}/facilitate#key=${room.facilitatorToken ?? ''}`],
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    const loads: RouteLoad[] = [];
    for (const [route, url] of routes) {
      loads.push(await loadRoute(browser, url, route, 'none', 1));
      console.log(`${route}: ${loads.at(-1)?.totalMs} ms`);
    }
    for (let run = 0; run < runs; run++)
      for (const network of ['slow-3g', 'fast-3g'] as const)
        loads.push(await loadRoute(browser, routes[0]![1], 'participant', network, 4));
    for (const l of loads) {
      console.log(
        `${l.route.padEnd(12)} ${l.network.padEnd(8)} cpu x${l.cpuThrottle}  JS ${l.jsGzipKb} KB gzip (${l.jsTransferKb} KB sent)  preview ${l.previewMs ?? '-'} ms (FCP ${l.fcpMs ?? '-'})  ready ${l.readyMs} ms  board ${l.boardMs} ms  total ${l.totalMs} ms`,
      );
    }
    return loads;
  } finally {
    await browser.close();
  }
}

/**
 *   --no-build       use client/dist as it is
 *   --runs=N         throttled runs of each kind (default 3), reported as medians
 *   --only=visits    only the first and repeat visits of a persistent profile (issue 13)
 */
async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const runs = Number(arg('runs') ?? 3);
  const server = await startServer('twinspace');
  try {
    const room = await server.createRoom(0);
    const seeder = await seed(server, room, TOPICS);
    const base = server.urls[0]!;
    const loads = arg('only') === 'visits' ? [] : await routeLoads(base, room, runs);
    const phoneVisits: Visit[] = [];
    for (let run = 0; run < runs; run++) {
      phoneVisits.push(...(await visits(base, room.name, 'fast-3g', 4, TOPICS)));
    }
    for (const v of phoneVisits)
      console.log(
        `visit ${v.visit.padEnd(15)} ${v.network} cpu x${v.cpuThrottle}  preview ${v.previewMs ?? '-'} ms  editable ${v.editableMs} ms  all topics ${v.allTopicsMs} ms`,
      );
    const summary = medians(loads, phoneVisits);
    console.log(`medians of ${runs} runs:`);
    for (const [name, ms] of Object.entries(summary)) console.log(`  ${name.padEnd(40)} ${ms} ms`);
    const out = path.join(import.meta.dirname, 'results', 'client-cost.json');
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          machine: machine(),
          date: new Date().toISOString(),
          topics: TOPICS,
          runs,
          medians: summary,
          loads,
          visits: phoneVisits,
        },
        null,
        2,
      ) + '\n',
    );
    seeder?.close();
  } finally {
    await server.stop();
  }
}

await main();

import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { seed } from './lib/runner.ts';
import { machine } from './lib/report.ts';
import { startServer } from './servers/index.ts';

/**
 * The client's cost (issue 6, item 4): which JavaScript each route loads before its board
 * shows (gzip sizes of those files in client/dist), and how long a throttled phone (CPU
 * 4x slower, a 3G network profile through CDP) takes to show a synced 200-topic board.
 *   node --import tsx client-cost.ts [--no-build]
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'client/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOPICS = 200;

/** Chrome DevTools' presets (the same numbers its network panel uses). */
const NETWORKS = {
  'slow-3g': { latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
  'fast-3g': { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 },
  none: null,
} as const;
type NetworkName = keyof typeof NETWORKS;

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
    route === 'participant'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 768 } },
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = NETWORKS[network];
  if (conditions)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
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

/**
 * BENCH_TRACE=1: the request waterfall of each load (start and end of every request and
 * WebSocket handshake, relative to navigation), to see which round trips are sequential.
 */
function traceRequests(cdp: CDPSession, network: NetworkName) {
  const rows = new Map<string, { url: string; start: number; end?: number }>();
  const short = (u: string): string => u.replace(/^https?:\/\/[^/]+/, '').slice(0, 70);
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    rows.set(e.requestId, { url: short(e.request.url), start: Date.now() }),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string }) => {
    const row = rows.get(e.requestId);
    if (row) row.end = Date.now();
  });
  cdp.on('Network.webSocketCreated', (e: { requestId: string; url: string }) =>
    rows.set(e.requestId, { url: `ws ${short(e.url)}`, start: Date.now() }),
  );
  cdp.on('Network.webSocketHandshakeResponseReceived', (e: { requestId: string }) => {
    const row = rows.get(e.requestId);
    if (row) row.end = Date.now();
  });
  return {
    print(t0: number, marks: [string, number][]): void {
      console.log(`-- waterfall (${network})`);
      const lines = [...rows.values()].map((r) => ({
        at: r.start - t0,
        text: `${String(r.start - t0).padStart(6)} -> ${r.end ? String(r.end - t0).padStart(6) : '     ?'}  ${r.url}`,
      }));
      for (const [name, at] of marks)
        lines.push({ at: at - t0, text: `${String(at - t0).padStart(6)}    ${name}` });
      for (const l of lines.sort((a, b) => a.at - b.at)) console.log(l.text);
    },
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

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer('twinspace');
  let browser: Browser | null = null;
  try {
    const room = await server.createRoom(0);
    const seeder = await seed(server, room, TOPICS);
    const base = server.urls[0]!;
    const routes: [string, string][] = [
      ['participant', `${base}/b/${room.name}`],
      ['projector', `${base}/b/${room.name}/projector`],
      ['facilitator', `${base}/b/${room.name}/facilitate#key=${room.facilitatorToken ?? ''}`],
    ];
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const loads: RouteLoad[] = [];
    for (const [route, url] of routes) {
      loads.push(await loadRoute(browser, url, route, 'none', 1));
      console.log(`${route}: ${loads.at(-1)?.totalMs} ms`);
    }
    for (const network of ['slow-3g', 'fast-3g'] as const)
      loads.push(await loadRoute(browser, routes[0]![1], 'participant', network, 4));
    for (const l of loads) {
      console.log(
        `${l.route.padEnd(12)} ${l.network.padEnd(8)} cpu x${l.cpuThrottle}  JS ${l.jsGzipKb} KB gzip (${l.jsTransferKb} KB sent)  preview ${l.previewMs ?? '-'} ms (FCP ${l.fcpMs ?? '-'})  ready ${l.readyMs} ms  board ${l.boardMs} ms  total ${l.totalMs} ms`,
      );
    }
    const out = path.join(import.meta.dirname, 'results', 'client-cost.json');
    fs.writeFileSync(
      out,
      JSON.stringify(
        { machine: machine(), date: new Date().toISOString(), topics: TOPICS, loads },
        null,
        2,
      ) + '\n',
    );
    seeder?.close();
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main();

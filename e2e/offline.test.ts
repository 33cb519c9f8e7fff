// Issue 13: nothing a person does is lost. A phone (a persistent Chromium profile) proposes
// a topic and votes while offline, is closed, reopens with no network (the service worker
// serves the app, IndexedDB the board, the outbox the vote), comes back online, and another
// device sees everything on the server. Also: a ticket that expired while offline is renewed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EV, OS_ROOT } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
} from '../server/test/harness.ts';
import { CHROMIUM, launchBrowser } from './support/browser.ts';
import { startProduct } from './support/server.ts';

/**
 * `cut`: no network at all. Every request that would leave the browser fails (the page, its
 * scripts and strings, the board lookup, Socket.IO) and every WebSocket is refused; what
 * still loads comes from the service worker's cache and IndexedDB, whose answers never reach
 * the network (so no route sees them): without the worker, the reopen's navigation fails.
 * Setting `cut.on = false` is "back online".
 */
const cut = { on: false };

async function phoneProfile(dir: string, offline = false): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  onTestFinished(() => context.close().catch(() => undefined));
  cut.on = offline;
  await context.route('**/*', (route) =>
    cut.on ? route.abort('internetdisconnected') : route.continue(),
  );
  await context.routeWebSocket(/\/(socket\.io|yjs)\//, (ws) => {
    if (cut.on) return ws.close({ code: 1006 });
    ws.connectToServer();
  });
  return context;
}

/**
 * Waits until the service worker has precached the app and is active. (A `waitForFunction`
 * with an async predicate would pass at once: the promise it returns is truthy.)
 */
async function workerActive(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((resolve) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
    );
  });
}

const state = (page: Page, s: string) =>
  page.locator(`[data-testid="connection-state"][data-state="${s}"]`).first();

async function facilitatorSets(url: string, code: string, token: string, phase: string) {
  const socket = controlSocket(url);
  await joinOver(socket, { code, role: 'facilitator', name: 'F', facilitatorToken: token });
  const result: unknown = await socket
    .timeout(10_000)
    .emitWithAck(EV.command, { type: 'set-phase', phase });
  expect(result).toEqual({ type: 'ok' });
  socket.close();
}

const topicTitles = (client: Awaited<ReturnType<typeof connectClient>>): string[] =>
  [...client.doc.getMap<{ get(k: string): unknown }>(OS_ROOT.topics).values()].map((t) =>
    String(t.get('title')),
  );

describe('offline for real (issue 13)', () => {
  it('a topic and a dot made offline survive closing the browser and reach the server', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Offline day');
    await facilitatorSets(server.url, board.code, board.facilitatorToken, 'marketplace');
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-phone-'));
    onTestFinished(() => fs.rmSync(profile, { recursive: true, force: true }));

    // First visit, online: join; the service worker installs and precaches the app.
    let phone = await phoneProfile(profile);
    let page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    await state(page, 'online').waitFor({ timeout: 20_000 });
    await workerActive(page);

    // Offline: propose a topic. It shows at once and is kept on the device.
    await page.getByTestId('topic-title').waitFor();
    await phone.setOffline(true);
    await state(page, 'offline').waitFor();
    await page.getByTestId('topic-title').fill('Made offline');
    await page.getByTestId('topic-description').fill('Proposed with no network');
    await page.getByTestId('topic-submit').click();
    await page.getByTestId('topic').filter({ hasText: 'Made offline' }).first().waitFor();
    await phone.close();

    // Reopened with no network at all: the app and the board come from the device.
    phone = await phoneProfile(profile, true);
    page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('topic').filter({ hasText: 'Made offline' }).first().waitFor();
    expect(topicTitles(witness)).not.toContain('Made offline');
    // The browser thinks it is online, but nothing answers: the phone says offline, not
    // "syncing" for as long as the server stays away.
    await state(page, 'offline').waitFor();

    // Back online: the topic reaches the server without retyping.
    cut.on = false;
    await eventually(() => expect(topicTitles(witness)).toContain('Made offline'), 40_000);
    // The facilitator opens voting; the phone votes offline: pending, not lost.
    await facilitatorSets(server.url, board.code, board.facilitatorToken, 'voting');
    await page.locator('[data-testid="os-board"][data-phase="voting"]').waitFor();
    await phone.setOffline(true);
    await state(page, 'offline').waitFor();
    const card = page.getByTestId('topic').filter({ hasText: 'Made offline' }).first();
    await card.getByTestId('vote-add').click();
    await page.getByTestId('outbox-pending').waitFor();
    await card.getByTestId('vote-pending').waitFor(); // on the card itself, not only the header
    // A question for the plenary, asked offline: it waits in the outbox as well.
    await page.getByTestId('qa-panel').locator('summary').click();
    await page.getByTestId('qa-text').fill('Where is lunch?');
    await page.getByTestId('qa-submit').click();
    await page.getByTestId('qa-queued-item').filter({ hasText: 'Where is lunch?' }).waitFor();
    await phone.close();

    phone = await phoneProfile(profile, true);
    page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('outbox-pending').waitFor(); // still waiting, on screen
    // ...on its card too, and that card takes no second dot (it would be refused, or counted
    // twice with several dots per topic).
    const reopened = page.getByTestId('topic').filter({ hasText: 'Made offline' }).first();
    await reopened.getByTestId('vote-pending').waitFor();
    expect(await reopened.getByTestId('vote-add').isDisabled()).toBe(true);
    // The question shows as waiting, so it is not asked twice.
    await page.getByTestId('qa-panel').locator('summary').click();
    await page.getByTestId('qa-queued-item').filter({ hasText: 'Where is lunch?' }).waitFor();
    cut.on = false;
    // (A cut WebSocket hangs, as on Wi-Fi that swallows packets: Socket.IO gives an attempt
    // TIMING.socketConnectTimeoutMs before the next.)
    await state(page, 'online').waitFor({ timeout: 40_000 });
    await page.getByTestId('outbox-pending').waitFor({ state: 'detached', timeout: 40_000 });
    const topics = witness.doc.getMap<{ get(k: string): unknown }>(OS_ROOT.topics);
    await eventually(() => {
      const mine = [...topics.values()].find((t) => t.get('title') === 'Made offline');
      expect(mine?.get('votes')).toBe(1);
    }, 20_000);
    await eventually(() => expect(witness.doc.getMap('qaQuestions').size).toBe(1));
    await page.getByTestId('qa-queued-item').waitFor({ state: 'detached' });

    // Leaving the board takes it off the phone: copy, outbox, unsent edits, identity.
    await page.getByTestId('leave-board').click();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: '/tmp/leave-board.png' });
    await page.getByTestId('leave-board-confirm').click();
    await page.waitForURL(`${server.url}/`);
    const kept = () =>
      page.evaluate(async (code) => {
        const dbs = (await indexedDB.databases()).filter((db) => db.name?.includes(code));
        const keys = Object.keys(localStorage).filter((key) => key.includes(code));
        return [...dbs.map((db) => db.name), ...keys];
      }, board.code);
    await eventually(async () => expect(await kept()).toEqual([]), 10_000);
  });

  it('a refusal costs only the refused change, and a reload does not bring it back', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Refusals');
    await facilitatorSets(server.url, board.code, board.facilitatorToken, 'marketplace');
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    await state(page, 'online').waitFor({ timeout: 20_000 });
    const propose = async (title: string): Promise<void> => {
      await page.getByTestId('topic-title').first().fill(title);
      await page.getByTestId('topic-description').first().fill(`About ${title}`);
      await page.getByTestId('topic-submit').first().click();
      await page.getByTestId('topic').filter({ hasText: title }).first().waitFor();
    };
    await propose('Kept topic');
    await eventually(() => expect(topicTitles(witness)).toContain('Kept topic'));

    // Offline: edit the own topic (allowed in voting too), propose another (marketplace only).
    await context.setOffline(true);
    await state(page, 'offline').waitFor();
    const kept = page.getByTestId('topic').filter({ hasText: 'Kept topic' }).first();
    await kept.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('topic-edit-form');
    await form.getByTestId('topic-description').fill('Edited offline');
    await form.getByTestId('topic-submit').click();
    await propose('Too late');
    // Meanwhile the facilitator moves on: proposing is over.
    await facilitatorSets(server.url, board.code, board.facilitatorToken, 'voting');
    await context.setOffline(false);

    await page.locator('.toast').filter({ hasText: 'Too late' }).waitFor({ timeout: 60_000 });
    const topics = witness.doc.getMap<{ get(k: string): unknown }>(OS_ROOT.topics);
    const description = (): unknown =>
      [...topics.values()].find((t) => t.get('title') === 'Kept topic')?.get('description');
    await eventually(() => expect(description()).toBe('Edited offline'), 20_000);
    expect(topicTitles(witness)).not.toContain('Too late');
    // The device copy does not bring the refused topic back.
    await page.reload();
    await page.getByTestId('topic').filter({ hasText: 'Edited offline' }).first().waitFor();
    await state(page, 'online').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('topic').filter({ hasText: 'Too late' }).count()).toBe(0);
    expect(await page.locator('.toast').count()).toBe(0); // nothing was refused again
    expect(topicTitles(witness)).not.toContain('Too late');
  });

  it('renews expired tickets by itself (participant, facilitator, projector)', async () => {
    const server = await startProduct({ TICKET_TTL_MS: '1500' });
    const board = await createBoard(server.url, 'open-space', 'Short tickets');
    await facilitatorSets(server.url, board.code, board.facilitatorToken, 'marketplace');
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-phone-'));
    onTestFinished(() => fs.rmSync(profile, { recursive: true, force: true }));
    const phone = await phoneProfile(profile);
    const page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Jonas');
    await page.getByTestId('join-submit').click();
    await state(page, 'online').waitFor({ timeout: 20_000 });
    await page.getByTestId('topic-title').waitFor();
    // The facilitator and the projector, in the same browser: offline together.
    const wall = await phone.newPage();
    await wall.goto(board.projectorUrl);
    const host = await phone.newPage();
    await host.goto(board.facilitatorUrl);
    await host.getByTestId('join-name').fill('Facilitator');
    await host.getByTestId('join-submit').click();
    for (const screen of [wall, host]) await state(screen, 'online').waitFor({ timeout: 20_000 });
    await phone.setOffline(true);
    await state(page, 'offline').waitFor();
    await page.getByTestId('topic-title').fill('After expiry');
    await page.getByTestId('topic-description').fill('Sent with a renewed ticket');
    await page.getByTestId('topic-submit').click();
    // Offline for longer than a ticket lives: the phone comes back with an expired one.
    const offlineAt = Date.now();
    await eventually(() => expect(Date.now() - offlineAt).toBeGreaterThan(2_000), 5_000);
    // The wall keeps showing the board, and after a while says as of when, for the room.
    await wall.getByTestId('wall-as-of').waitFor({ timeout: 20_000 });
    await phone.setOffline(false);
    await state(page, 'online').waitFor({ timeout: 20_000 });
    await eventually(() => expect(topicTitles(witness)).toContain('After expiry'), 20_000);
    // Their documents came back too, with tickets renewed with their own credentials.
    await host.getByTestId('topic').filter({ hasText: 'After expiry' }).first().waitFor();
    await wall.getByText('After expiry').first().waitFor({ timeout: 20_000 });
    for (const screen of [wall, host]) await state(screen, 'online').waitFor({ timeout: 20_000 });
    await wall.getByTestId('wall-as-of').waitFor({ state: 'detached' });
  });
});

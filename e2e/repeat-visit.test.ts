// Issue 13, item 8: a board this device holds opens from its copy at once on a repeat visit,
// before (and without) any answer from the server: the page is the service worker's app
// shell, the board's info and the join follow.
import { describe, expect, it } from 'vitest';
import { createEntity, getCards, newEntityId } from '@twinspace/shared';
import { connectClient, createBoard, eventually } from '../server/test/harness.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { startProduct } from './support/server.ts';

describe('a repeat visit (issue 13)', () => {
  it('shows the board from the device and takes edits while the server does not answer', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Repeat visit');
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    createEntity(getCards(witness.doc), newEntityId(), witness.participantId, {
      text: 'Night buses',
    });
    const browser = await launchBrowser();
    const phone = await newDevice(browser, 'phone');
    // While `silent`, the network connects but never answers (venue Wi-Fi at its worst).
    let silent = false;
    await phone.route(/\/api\/boards\//, (route) => (silent ? undefined : route.continue()));
    await phone.routeWebSocket(/\/(socket\.io|yjs)\//, (ws) => {
      if (!silent) ws.connectToServer();
    });

    // First visit: join; the board is kept on the device.
    let page = await phone.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('card').filter({ hasText: 'Night buses' }).waitFor();
    const copy = `twinspace.board.${board.code}.participant`;
    await page.waitForFunction(
      async (name) => (await indexedDB.databases()).some((db) => db.name === name),
      copy,
    );
    // The service worker is active (registered after the first render, then precaching).
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker || worker.state === 'activated') return;
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    });
    await page.close();

    // Again, with no answer to the board info, Socket.IO or Yjs (the page and its scripts
    // still load): the board is there, from the device, and takes an edit.
    silent = true;
    page = await phone.newPage();
    const response = await page.goto(`${server.url}/b/${board.code}`);
    // The page itself came from the worker's app shell, not the server (whose page carries
    // the board's preview): no round trip before the board (client/pwaPages.ts).
    expect(await response?.text()).not.toContain('Night buses');
    await page.getByTestId('card').filter({ hasText: 'Night buses' }).waitFor();
    await page.getByTestId('card-input').fill('Made on a silent network');
    await page.getByTestId('card-submit').click();
    await page.getByTestId('card').filter({ hasText: 'Made on a silent network' }).waitFor();
    expect(await page.getByTestId('join-name').count()).toBe(0);

    // The network answers again: the edit reaches the server.
    silent = false;
    await page.close();
    page = await phone.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    const texts = (): string[] =>
      [...getCards(witness.doc).values()].map((c) => String(c.get('text')));
    await eventually(() => expect(texts()).toContain('Made on a silent network'), 30_000);
  });
});

// A first visit that loses the network before the page's later downloads arrive (the
// service worker does not control the page yet, so they go to the network) shows those
// views once the downloads succeed, never a blank page (client/src/sync/chunks.ts,
// client/src/app/lazy.ts).
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { createBoard, eventually } from '../server/test/harness.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { startProduct } from './support/server.ts';

/**
 * Downloads of `file` fail as they do offline until `times` have failed: more than the
 * page's own attempts (its modulepreload and the import), so the view shows only if the
 * app tries again. Returns the count of failures.
 */
async function failFirst(device: BrowserContext, file: RegExp, times: number) {
  let failed = 0;
  await device.route(file, (route) =>
    failed < times ? (failed++, route.abort('internetdisconnected')) : route.continue(),
  );
  return (): number => failed;
}

describe('downloads lost on a first visit (issue 13)', () => {
  it('a phone and the facilitator get their views once the files download again', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Lost downloads');
    const browser = await launchBrowser();
    const noWorker = { serviceWorkers: 'block' } as const;
    const [phone, laptop] = await Promise.all([
      newDevice(browser, 'phone', 'en-US', noWorker),
      newDevice(browser, 'laptop', 'en-US', noWorker),
    ]);
    // The open-space board's participant view (its layer's chunk: client/chunking.ts).
    const boardFailures = await failFirst(phone, /\/assets\/open-space-[^/]+\.js$/, 4);
    const panelFailures = await failFirst(laptop, /\/assets\/TeamPanel-[^/]+\.js$/, 3);

    const page = await phone.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    const host = await laptop.newPage();
    await host.goto(board.facilitatorUrl);
    await host.getByTestId('join-name').fill('Facilitator');
    await host.getByTestId('join-submit').click();

    await page.getByTestId('os-board').waitFor({ timeout: 20_000 });
    await host.getByTestId('team-panel').waitFor({ timeout: 20_000 });
    await eventually(() => expect([boardFailures(), panelFailures()]).toEqual([4, 3]));
    expect(await page.getByTestId('load-failed').count()).toBe(0);
  });
});

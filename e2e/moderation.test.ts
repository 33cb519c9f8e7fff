import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ProjectorWall, seeText } from './support/pages.ts';
import { OsConsole, OsPhone, OsWall } from './support/open-space-pages.ts';
import { startProduct } from './support/server.ts';
import { createBoard } from '../server/test/harness.ts';

/** Fills the topic form and sends it, without waiting for the topic on the board. */
async function proposeOnly(page: Page, title: string): Promise<void> {
  await page.getByTestId('topic-title').fill(title);
  await page.getByTestId('topic-submit').click();
}

/** A phone that opens the board's link (the QR code) and joins with a name. */
async function phone(browser: Browser, url: string, name: string): Promise<OsPhone> {
  const page = await (await newDevice(browser, 'phone')).newPage();
  await page.goto(url);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('os-board').waitFor({ timeout: 30_000 });
  return new OsPhone(page);
}

const bodyText = async (page: Page): Promise<string> => (await page.textContent('body')) ?? '';

/** Issue 16 item 4: moderation seen from the facilitator, two phones and the wall. */
describe('moderation', () => {
  it('hides a topic everywhere, holds one for approval, and hides names', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Moderated day');
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    await desk.enter(board);
    const fac = new OsConsole(desk.page);
    await fac.step('marketplace');
    const olena = await phone(browser, board.participantUrl, 'Olena');
    const taras = await phone(browser, board.participantUrl, 'Taras');
    const wall = new OsWall(
      (await ProjectorWall.open(await newDevice(browser, 'projector'), board.projectorUrl)).page,
    );
    await olena.waitForPhase('marketplace');
    await proposeOnly(olena.page, 'Spam about crypto');
    await olena.topic('Spam about crypto').waitFor();
    await seeText(wall.topics(), 'Spam about crypto');
    await seeText(taras.page.getByTestId('topic'), 'Spam about crypto');

    // Hide: gone from the other phone and the wall; its author is told.
    const panel = desk.page.getByTestId('section-moderation');
    await panel.locator('summary').click();
    const item = panel.getByTestId('mod-content-item').filter({ hasText: 'Spam about crypto' });
    await item.getByRole('button', { name: 'Hide' }).click();
    await taras.topic('Spam about crypto').waitFor({ state: 'detached' });
    await wall.topics().filter({ hasText: 'Spam about crypto' }).waitFor({ state: 'detached' });
    await seeText(olena.page.getByTestId('mod-hidden-mine'), 'hid your topic');
    await seeText(panel.getByTestId('mod-hidden'), 'Spam about crypto');

    // Approval queue: waiting on the author's phone only, then everywhere once approved.
    // Controlled by the board's settings: a click asks, the server's answer checks it.
    await panel.getByTestId('mod-approval-topics').click();
    await expect
      .poll(() => panel.getByTestId('mod-approval-topics').isChecked(), { timeout: 15_000 })
      .toBe(true);
    await proposeOnly(olena.page, 'Harbour festival');
    await seeText(olena.page.getByTestId('mod-waiting'), 'Harbour festival');
    const queued = panel
      .getByTestId('mod-queue')
      .locator('li')
      .filter({ hasText: 'Harbour festival' });
    await queued.waitFor();
    expect(await bodyText(taras.page)).not.toContain('Harbour festival');
    expect(await bodyText(wall.page)).not.toContain('Harbour festival');
    await olena.page.screenshot({ path: shotPath('moderation-phone-waiting') });
    await queued.getByRole('button', { name: 'Approve' }).click();
    await seeText(taras.page.getByTestId('topic'), 'Harbour festival');
    await seeText(wall.topics(), 'Harbour festival');
    await olena.page.getByTestId('mod-waiting').waitFor({ state: 'detached' });

    // Anonymous mode: no names on the phones or the wall; the facilitator still has them.
    expect(await bodyText(taras.page)).toContain('Olena');
    await panel.getByTestId('mod-anonymous').click();
    // "Who is here" goes out again within a presence broadcast interval.
    await expect.poll(() => bodyText(taras.page), { timeout: 15_000 }).not.toContain('Olena');
    await expect.poll(() => bodyText(wall.page), { timeout: 15_000 }).not.toContain('Olena');
    await seeText(panel.getByTestId('mod-people'), 'Olena');
    await wall.page.screenshot({ path: shotPath('moderation-wall') });
    await desk.page.screenshot({ path: shotPath('moderation-console'), fullPage: true });
    // One scene with three screens on a shared, loaded machine: more than the default minutes.
  }, 300_000);
});

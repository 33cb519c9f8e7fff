import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screensLooker } from './support/a11y.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** Points of a partnership workshop table (seed 004), in the order they are proposed. */
const POINTS = [
  'A shared calendar of partner events',
  'One contact person in each organisation',
  'Joint applications for EU funds',
  'Regular meetings of the partnership council',
  'Common rules for sharing costs',
  'A yearly report to the residents',
];
const GROUP = 'Table 1';

/** Opens the Top five section and works in a group (typed in, or picked from the list). */
async function openTopFive(page: Page, section: string, typeGroup: boolean): Promise<void> {
  await page.getByTestId(section).locator('summary').first().click();
  const panel = page.getByTestId('tf-panel');
  if (typeGroup) {
    await panel.getByTestId('tf-new-group').fill(GROUP);
    await panel.getByTestId('tf-new-group-submit').click();
  } else {
    await panel.locator(`[data-testid="tf-group"][data-group="${GROUP}"]`).click();
  }
  await page.locator(`[data-testid="tf-panel"][data-group="${GROUP}"]`).waitFor();
}

async function addPoint(page: Page, text: string): Promise<void> {
  await page.getByTestId('tf-point-input').fill(text);
  await page.getByTestId('tf-point-submit').click();
  await point(page, text).waitFor();
}

const point = (page: Page, text: string) =>
  page.getByTestId('tf-point').filter({ hasText: text }).first();

async function pick(page: Page, text: string): Promise<void> {
  const button = point(page, text).getByTestId('tf-pick');
  await button.click();
  await page
    .getByTestId('tf-point')
    .filter({ hasText: text })
    .locator('[data-testid="tf-pick"][aria-pressed="true"]')
    .waitFor();
}

const picksLeft = (page: Page) => page.getByTestId('tf-picks-left');

describe('top five (seed 004)', () => {
  it('narrows a table’s points to its five most picked and shows them on the wall', async () => {
    // Every screen photographed below is also audited (WCAG 2.2 AA, axe-core).
    const screens = screensLooker();
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partnership workshop', 'open-space');
    await desk.enter(board);
    const wall = await ProjectorWall.open(
      await newDevice(browser, 'projector'),
      board.projectorUrl,
    );
    const phone = async (name: string) =>
      (
        await ParticipantPhone.joinByCode(
          await newDevice(browser, 'phone'),
          server.url,
          board.code,
          name,
        )
      ).page;
    const anna = await phone('Anna');
    const piotr = await phone('Piotr');

    // Two phones at table 1 write six points.
    await openTopFive(anna, 'tf-section', true);
    await openTopFive(piotr, 'tf-section', true);
    for (const text of POINTS.slice(0, 3)) await addPoint(anna, text);
    for (const text of POINTS.slice(3)) await addPoint(piotr, text);
    await expect.poll(() => anna.getByTestId('tf-point').count(), { timeout: 15_000 }).toBe(6);

    // Anna uses all five picks; her sixth is not offered.
    for (const text of POINTS.slice(0, 5)) await pick(anna, text);
    await expect.poll(() => picksLeft(anna).textContent()).toBe('0 of 5 picks left');
    const sixth = point(anna, POINTS[5]!).getByTestId('tf-pick');
    expect(await sixth.isDisabled()).toBe(true);
    expect(await sixth.getAttribute('aria-pressed')).toBe('false');
    await screens.look(anna, 'top-five-phone-no-picks-left', true);

    // Piotr and the facilitator pick too; the facilitator turns the wall on.
    for (const text of [POINTS[1]!, POINTS[3]!, POINTS[5]!]) await pick(piotr, text);
    await expect.poll(() => picksLeft(piotr).textContent()).toBe('2 of 5 picks left');
    await openTopFive(desk.page, 'section-top-five', false);
    for (const text of [POINTS[1]!, POINTS[5]!]) await pick(desk.page, text);
    await desk.page.getByTestId('tf-show-wall').check();

    // Picks: #2 three, #4 and #6 two (#4 was proposed first), #1 #3 #5 one (#5 last): out.
    const expected = [POINTS[1], POINTS[3], POINTS[5], POINTS[0], POINTS[2]];
    const shown = wall.page.locator(
      `[data-testid="tf-wall-group"][data-group="${GROUP}"] [data-testid="tf-wall-point"]`,
    );
    await expect
      .poll(
        async () => (await shown.locator('.tf-wall__text').allTextContents()).map((t) => t.trim()),
        { timeout: 15_000 },
      )
      .toEqual(expected);
    // The phones rank the same five.
    await expect
      .poll(async () => (await piotr.getByTestId('tf-rank').allTextContents()).length)
      .toBe(5);
    await wall.roomCode().waitFor();
    await screens.look(wall.page, 'top-five-wall-1920');
    await screens.look(desk.page, 'top-five-console', true);
    // Legible from the back of the room, and all on one 1920x1080 screen.
    const fontPx = await shown.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(32);
    const last = await shown.last().boundingBox();
    expect(last && last.y + last.height).toBeLessThanOrEqual(1080);

    // A second table shares the wall: its type stays legible from the back (the points fell
    // to 26 px and the pick counts to 15 px with two to four groups), all on one screen.
    const console = desk.page.getByTestId('tf-panel');
    await console.getByTestId('tf-new-group').fill('Table 2');
    await console.getByTestId('tf-new-group-submit').click();
    await desk.page.locator('[data-testid="tf-panel"][data-group="Table 2"]').waitFor();
    await addPoint(desk.page, 'Meet every month, by video between the visits');
    await wall.page.locator('[data-testid="tf-wall-group"][data-group="Table 2"]').waitFor();
    const wallPx = await wall.page
      .locator('[data-testid="tf-wall"] :is(.tf-wall__text, .tf-wall__count, h3)')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(Math.min(...wallPx)).toBeGreaterThanOrEqual(28);
    const lowest = await wall.page.getByTestId('tf-wall-point').last().boundingBox();
    expect(lowest && lowest.y + lowest.height).toBeLessThanOrEqual(1080);
    await screens.look(wall.page, 'top-five-wall-two-groups-1920');

    // Turned off, the wall follows the phase again.
    await desk.page.getByTestId('tf-show-wall').uncheck();
    await wall.page.getByTestId('tf-wall').waitFor({ state: 'detached' });
    expect(screens.serious).toEqual([]);
  });
});

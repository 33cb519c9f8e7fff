import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screensLooker } from './support/a11y.ts';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** Seed 004's levels of trust between partners, lowest first. */
const LEVELS = [
  'Joint planning, separate projects',
  'Joint funding of a project',
  'A joint fund run by a separate body',
  'A joint budget with shared criteria',
];

/** A phone answers the open poll with one level of the scale. */
async function answer(page: Page, level: number): Promise<void> {
  const poll = page.getByTestId('pl-poll').first();
  await poll.getByTestId('pl-option').nth(level).check();
  await poll.getByTestId('pl-submit').click();
  await poll.getByTestId('pl-mine').waitFor();
}

const counts = (page: Page) =>
  page
    .locator('[data-testid="pl-wall"] [data-testid="pl-bar"]')
    .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));

describe('polls and questions in a plenary', () => {
  it('a rating scale answered by two phones, then an upvoted question, live on the wall', async () => {
    const screens = screensLooker();
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partnership plenary', 'open-space');
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

    // The facilitator creates the scale, opens it and shows it on the projector.
    const consolePage = desk.page;
    await consolePage.getByTestId('section-polls').locator('summary').click();
    await consolePage.getByTestId('pl-create-kind').selectOption('scale');
    await consolePage.getByTestId('pl-create-question').fill('How far does our partnership go?');
    await consolePage.getByTestId('pl-create-options').fill(LEVELS.join('\n'));
    await consolePage.getByTestId('pl-create-submit').click();
    await consolePage.getByTestId('pl-open').click();
    await consolePage.getByTestId('pl-show').click();

    // Two phones answer; Anna changes her mind while the poll is open: she counts once.
    await answer(anna, 3);
    await answer(anna, 2);
    // Piotr answers with no network: the answer waits in the outbox, shown, and is sent
    // (once) when the phone is back.
    await piotr.getByTestId('pl-poll').first().waitFor();
    await piotr.context().setOffline(true);
    await piotr.locator('[data-testid="connection-state"][data-state="offline"]').first().waitFor();
    const form = piotr.getByTestId('pl-poll').first();
    await form.getByTestId('pl-option').nth(1).check();
    await form.getByTestId('pl-submit').click();
    await piotr.getByTestId('outbox-pending').waitFor();
    expect(await form.getByTestId('pl-submit').textContent()).toBe('Sending…');
    await piotr.context().setOffline(false);
    await piotr.getByTestId('outbox-pending').waitFor({ state: 'detached', timeout: 40_000 });
    await form.getByTestId('pl-mine').waitFor();
    await expect.poll(() => counts(wall.page), { timeout: 15_000 }).toEqual([0, 1, 1, 0]);
    await expect
      .poll(() => wall.page.getByTestId('pl-respondents').getAttribute('data-count'))
      .toBe('2');
    await screens.look(anna, 'polls-phone-390', true);
    await wall.page.screenshot({ path: shotPath('polls-wall-1920') });
    const question = wall.page.locator('.pl-wall__question');
    expect(
      await question.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(40);

    // Closed: the phones keep the results, the form goes.
    await consolePage.getByTestId('pl-close').click();
    await anna
      .locator('[data-testid="pl-poll"][data-state="closed"]')
      .first()
      .waitFor({ state: 'attached' });
    expect(await anna.getByTestId('pl-form').count()).toBe(0);

    // Questions: the wall switches to Q&A; Anna asks anonymously, Piotr upvotes (twice: once).
    await consolePage.getByTestId('pl-show').click();
    await consolePage.getByTestId('section-qa').locator('summary').click();
    await consolePage.getByTestId('qa-wall-toggle').check();
    await wall.page.getByTestId('qa-wall').waitFor();
    await anna.getByTestId('qa-panel').locator('summary').click();
    await anna.getByTestId('qa-text').fill('Who pays for the joint fund?');
    await anna.getByTestId('qa-anonymous').check();
    await anna.getByTestId('qa-submit').click();
    await piotr.getByTestId('qa-panel').locator('summary').click();
    const vote = piotr.getByTestId('qa-vote').first();
    await vote.click();
    await piotr.locator('[data-testid="qa-vote"][aria-pressed="true"]').waitFor();
    await expect
      .poll(() => wall.page.getByTestId('qa-wall-item').first().getAttribute('data-votes'), {
        timeout: 15_000,
      })
      .toBe('1');
    expect(await wall.page.getByTestId('qa-wall').textContent()).not.toContain('Anna');
    await piotr.screenshot({ path: shotPath('qa-phone-390'), fullPage: true });
    await screens.look(wall.page, 'qa-wall-1920');
    expect(screens.serious).toEqual([]);
  }, 240_000);
});

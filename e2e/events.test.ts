import { describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { EventConsole, EventPhone } from './support/event-pages.ts';
import { seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

describe('events, in real browsers', () => {
  it('one event link: phones see what is on and keep their name from board to board; the wall follows the board on now', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const {
      console: desk,
      url,
      projectorUrl,
    } = await EventConsole.create(
      await newDevice(browser, 'laptop'),
      server.url,
      'Kyiv Open Space 2026',
    );
    const day1 = await desk.addBoard('Day 1: marketplace');
    const day2 = await desk.addBoard('Day 2: harvest');

    // Before a board is on now, the wall shows the event: off the screen's edge, and its
    // address breaks before the path, never inside the event's code.
    const wallContext = await newDevice(browser, 'projector');
    const wall = await wallContext.newPage();
    await wall.goto(projectorUrl);
    await wall.getByTestId('event-wall-url').waitFor({ timeout: 15_000 });
    const title = await wall.locator('.event-wall__title').boundingBox();
    expect(title && title.x >= 24 && title.y >= 24).toBe(true);
    const path = wall.getByTestId('event-wall-url').locator('.event-wall__path');
    expect(await path.evaluate((el) => el.getClientRects().length)).toBe(1);
    await desk.makeCurrent(day1);
    await expect
      .poll(async () => (await wall.getByTestId('room-code').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toBe(day1);

    const olena = await EventPhone.open(await newDevice(browser, 'phone', 'uk-UA'), url);
    const jonas = await EventPhone.open(await newDevice(browser, 'phone', 'de-DE'), url);
    // The board on now comes first, on both phones, in their own languages.
    for (const phone of [olena, jonas])
      expect(await phone.boards().first().getAttribute('data-code')).toBe(day1);
    await olena.page.screenshot({ path: shotPath('events-page-phone-390'), fullPage: true });

    await olena.openBoard(day1);
    await olena.page.getByTestId('join-name').fill('Olena');
    await olena.page.getByTestId('join-submit').click();
    await olena.online();
    await olena.page.getByTestId('card-input').fill('Зелені подвір’я');
    await olena.page.getByTestId('card-submit').click();
    await seeText(olena.page.getByTestId('card'), 'Зелені подвір’я');

    // Back on the event page, the next board opens as the same person: no form.
    await olena.page.goto(url);
    await olena.openBoard(day2);
    // The board itself (its add-card field) comes up, and no join form was needed for it.
    await olena.page.getByTestId('card-input').waitFor({ timeout: 30_000 });
    expect(await olena.page.getByTestId('join-name').count()).toBe(0);

    await desk.makeCurrent(day2);
    await expect
      .poll(async () => (await wall.getByTestId('room-code').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toBe(day2);
    await jonas.page.reload();
    expect(await jonas.boards().first().getAttribute('data-code')).toBe(day2);
    await seeText(jonas.boards().first(), 'Day 2: harvest');
    await wall.screenshot({ path: shotPath('events-wall-1920') });
    await desk.page.screenshot({ path: shotPath('events-console-1280'), fullPage: true });
  }, 240_000); // five browser contexts; 30-40 s on a quiet machine
});

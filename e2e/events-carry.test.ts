import { describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { EventConsole } from './support/event-pages.ts';
import { CityMember } from './support/matchSprint.ts';
import { seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

const CITIES = ['Kyiv', 'Dresden'];

describe('carry forward, in real browsers', () => {
  it('the facilitator picks cards of a city workshop and carries them into the joint board, once; phones there see where each came from', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const { console: desk } = await EventConsole.create(
      await newDevice(browser, 'laptop'),
      server.url,
      'Twin City Booster 2027',
    );
    const kyiv = await desk.addBoard('Initiative workshop Kyiv', 'match-sprint');
    const joint = await desk.addBoard('Joint workshop', 'match-sprint');
    // Both boards know the two cities and take cards, set up from each board's console with the
    // event's key.
    for (const code of [kyiv, joint])
      await desk.onBoard(code, async (page) => {
        const settings = page.locator(
          'details.ms-controls-wrap:not([data-testid="ms-moderation"])',
        );
        if ((await settings.getAttribute('open')) === null)
          await settings.locator(':scope > summary').click();
        await page.getByTestId('ms-cities').fill(CITIES.join('\n'));
        await page.getByTestId('ms-cities-save').click();
        await page.getByTestId('phase-select').selectOption('prepare');
      });

    // Olena writes two cards in Kyiv's own workshop.
    const olena = await CityMember.join(
      await newDevice(browser, 'phone', 'uk-UA'),
      `${server.url}/b/${kyiv}`,
      'Olena',
      'Kyiv',
    );
    await olena.addCard('need', 'Rooms for youth clubs');
    await olena.addCard('idea', 'Exchange of trainers');

    // The facilitator carries one of them into the joint board; the console then shows it as
    // there already (ticked, greyed: it cannot be carried twice), the other one still to choose.
    expect(await desk.carry(kyiv, joint, 'Cards of the cities', ['Rooms for youth clubs'])).toBe(
      'Copied: 1. Already there: 0.',
    );
    const item = (title: string) =>
      desk.page.locator('.event-carry__items li', { hasText: title }).getByTestId('carry-item');
    await expect.poll(() => item('Rooms for youth clubs').isDisabled()).toBe(true);
    expect(await item('Rooms for youth clubs').isChecked()).toBe(true);
    await seeText(desk.page.locator('.event-carry__items li'), 'already on that board');
    expect(await item('Exchange of trainers').isDisabled()).toBe(false);
    await desk.page.locator('.event-carry').screenshot({ path: shotPath('events-carry-1280') });

    // Jonas, on the joint board from Dresden, sees the carried card on Kyiv's side, with where
    // it came from and who wrote it; the card not chosen stayed behind.
    const jonas = await CityMember.join(
      await newDevice(browser, 'phone', 'de-DE'),
      `${server.url}/b/${joint}`,
      'Jonas',
      'Dresden',
    );
    const card = jonas.side('Kyiv').getByTestId('ms-card').filter({ hasText: 'Rooms for youth' });
    await seeText(card.getByTestId('carried-from'), 'Initiative workshop Kyiv');
    await seeText(card.getByTestId('carried-from'), 'Olena');
    expect(await jonas.page.getByText('Exchange of trainers').count()).toBe(0);
  }, 240_000);
});

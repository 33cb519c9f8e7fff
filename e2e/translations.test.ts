import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall, seeText } from './support/pages.ts';
import { OsConsole, OsPhone, OsWall } from './support/open-space-pages.ts';
import { startProduct } from './support/server.ts';

const ORIGINAL = { title: 'Jugendaustausch', text: 'Jugendliche aus beiden Städten treffen sich' };
const ENGLISH = { title: 'Youth exchange', text: 'Young people from both cities meet' };

async function joinPhone(ctx: BrowserContext, url: string, code: string, name: string) {
  return new OsPhone((await ParticipantPhone.joinByCode(ctx, url, code, name)).page);
}

describe('card translations on an open-space board', () => {
  it('a phone translates a topic, another reads it in its language, the wall shows both', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partner cities', 'open-space');
    await desk.enter(board);
    const fac = new OsConsole(desk.page);
    await fac.addSlot('Morning', '10:00', '11:00');
    await fac.addSpace('Hall A', 30);
    const wall = new OsWall(
      (await ProjectorWall.open(await newDevice(browser, 'projector'), board.projectorUrl)).page,
    );
    // Jonas's phone speaks German: his topic is written in German.
    const jonas = await joinPhone(
      await newDevice(browser, 'phone', 'de-DE'),
      server.url,
      board.code,
      'Jonas',
    );
    const olena = await joinPhone(
      await newDevice(browser, 'phone'),
      server.url,
      board.code,
      'Olena',
    );
    // A card says which language it is written in: German by default on Jonas's phone, and
    // English once he says so (his phone remembers it); only the German one is marked.
    await jonas.page.getByTestId('card-input').fill('Radwege');
    await jonas.page.getByTestId('card-submit').click();
    await jonas.page.getByTestId('writing-language').first().selectOption('en');
    await jonas.page.getByTestId('card-input').fill('Bike routes');
    await jonas.page.getByTestId('card-submit').click();
    await seeText(
      olena.page.getByTestId('card').filter({ hasText: 'Radwege' }),
      'Original: German',
    );
    const english = olena.page.getByTestId('card').filter({ hasText: 'Bike routes' });
    await english.waitFor({ timeout: 15_000 });
    expect(await english.textContent()).not.toContain('Original');

    await fac.step('marketplace');
    await jonas.waitForPhase('marketplace');
    await jonas.propose(ORIGINAL.title, ORIGINAL.text);

    // Olena reads English: the German topic is marked as such, and she translates it.
    await olena.waitForPhase('marketplace');
    await seeText(olena.topic(ORIGINAL.title), 'Original: German');
    await olena.translate(ORIGINAL.title, ENGLISH.title, ENGLISH.text);

    // Mia's phone is in English too: she reads the translation, the original marked.
    const mia = await joinPhone(await newDevice(browser, 'phone'), server.url, board.code, 'Mia');
    const card = mia.topic(ENGLISH.title);
    await seeText(card, ENGLISH.text);
    await seeText(card, 'Translation · original: German');
    expect(await card.locator('h3').getAttribute('lang')).toBe('en');
    await card.getByRole('button', { name: 'Show the original' }).click();
    await seeText(card, ORIGINAL.text);
    await mia.page.screenshot({ path: shotPath('translations-1-phone-en'), fullPage: true });
    // Jonas still reads his own German words, unmarked.
    await seeText(jonas.topic(ORIGINAL.title), ORIGINAL.text);
    expect(await jonas.topic(ORIGINAL.title).textContent()).not.toContain(ENGLISH.title);

    // The wall follows the projector's language until the facilitator picks two.
    await wall.waitForPhase('marketplace');
    await seeText(wall.topics().first(), ENGLISH.title);
    const section = desk.page.getByTestId('section-languages');
    await section.locator('summary').click();
    await section.getByTestId('wall-language-1').selectOption('de');
    await section.getByTestId('wall-language-2').selectOption('en');
    const columns = wall.topics().first().locator('.side-by-side__col');
    await expect.poll(() => columns.count(), { timeout: 15_000 }).toBe(2);
    await seeText(columns.nth(0), ORIGINAL.title);
    await seeText(columns.nth(1), ENGLISH.title);
    expect(await columns.nth(0).locator('p').first().getAttribute('lang')).toBe('de');
    expect(await columns.nth(1).locator('p').first().getAttribute('lang')).toBe('en');
    await wall.page.screenshot({ path: shotPath('translations-2-projector-side-by-side') });
    await desk.page.screenshot({ path: shotPath('translations-3-facilitator'), fullPage: true });
  });
});

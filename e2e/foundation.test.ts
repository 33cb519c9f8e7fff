import { describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

describe('foundation, in real browsers', () => {
  it('a facilitator creates a board, two phones join by code and see each other live, the projector shows it all', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();

    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Kyiv open space');
    await desk.enter(board);

    const olena = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'uk-UA'),
      server.url,
      board.code,
      'Olena',
    );
    const jonas = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'de-DE'),
      server.url,
      board.code,
      'Jonas',
    );
    const wall = await ProjectorWall.open(
      await newDevice(browser, 'projector'),
      board.projectorUrl,
    );

    await olena.addCard('Youth exchange between partner cities');
    await jonas.addCard('Gemeinsame Förderanträge');
    for (const screen of [olena, jonas]) {
      await seeText(screen.cards(), 'Youth exchange between partner cities');
      await seeText(screen.cards(), 'Gemeinsame Förderanträge');
    }
    await seeText(wall.cards(), 'Youth exchange between partner cities');
    await seeText(wall.cards(), 'Gemeinsame Förderanträge');
    // Who is here adds up: the wall is a screen, not a person (before: "3 people here ·
    // 2 participants · 1 facilitator · 1 projector").
    const here = desk.page.getByTestId('presence').locator('.presence__total');
    await seeText(here, '2 participants · 1 facilitator (+ 1 projector)');
    await seeText(here, '3 people here');

    expect((await wall.roomCode().textContent())?.replace(/\s/g, '')).toBe(board.code);
    await wall.qrCode().waitFor({ state: 'visible' });
    const qr = await wall.qrCode().boundingBox();
    expect(qr?.width ?? 0).toBeGreaterThan(200); // legible from the back of a room
    // The wall is read-only: no way to add a card there.
    expect(await wall.page.getByTestId('card-input').count()).toBe(0);

    await wall.page.screenshot({ path: shotPath('foundation-projector-1920') });
    await olena.page.screenshot({ path: shotPath('foundation-phone-390'), fullPage: true });
    // Nothing overflows the phone's width.
    const overflow = await olena.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import { audit } from './support/a11y.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('has no serious or critical violations on any route', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const found: string[] = [];

    // Landing page (laptop), then the created-board screen.
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    await desk.page.getByTestId('create-title').waitFor();
    found.push(...(await audit(desk.page, 'landing')));
    const board = await desk.createBoard('Riga – Minsk partnership workshop');
    found.push(...(await audit(desk.page, 'created')));

    // The join screen on a phone.
    const phoneContext = await newDevice(browser, 'phone', 'uk-UA');
    const joining = await phoneContext.newPage();
    await joining.goto(board.participantUrl);
    await joining.getByTestId('join-name').waitFor();
    found.push(...(await audit(joining, 'join (phone)')));

    // The participant's board on a phone, with a card of someone else in it (Olena's, on
    // another phone): it shows without the controls of one's own card.
    const phone = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'de-DE'),
      server.url,
      board.code,
      'Jonas',
    );
    const olena = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'uk-UA'),
      server.url,
      board.code,
      'Olena',
    );
    const othersCard = 'Обмін молоддю між містами-партнерами';
    await olena.addCard(othersCard);
    await seeText(phone.cards(), othersCard);
    await desk.enter(board);
    found.push(...(await audit(desk.page, 'facilitator (laptop)')));
    found.push(...(await audit(phone.page, 'participant board (phone)')));

    // The projector at 1920x1080.
    const wall = await ProjectorWall.open(
      await newDevice(browser, 'projector'),
      board.projectorUrl,
    );
    await wall.roomCode().waitFor();
    await wall.page.locator('.projector__board, .projector h1').first().waitFor();
    found.push(...(await audit(wall.page, 'projector (1920x1080)')));

    // Not found, and a board that does not exist.
    const stray = await (await newDevice(browser, 'laptop')).newPage();
    await stray.goto(`${server.url}/no/such/page`);
    await stray.locator('h1').waitFor();
    found.push(...(await audit(stray, 'not found')));
    await stray.goto(`${server.url}/b/ZZZZZZ`);
    await stray.locator('h1').waitFor();
    found.push(...(await audit(stray, 'no such board')));
    // A facilitator link without its key: a clear screen, audited like the others.
    await stray.goto(`${server.url}/b/${board.code}/facilitate`);
    await stray.getByRole('heading', { name: 'Facilitator link needed' }).waitFor();
    found.push(...(await audit(stray, 'facilitator link without its key')));

    expect(found).toEqual([]);
  });

  it('can be used by keyboard: skip link first, visible focus, joining without a mouse', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Keyboard only', 'match-sprint');

    const page = await (await newDevice(browser, 'laptop', 'pl-PL')).newPage();
    await page.goto(board.participantUrl);
    await page.getByTestId('join-name').waitFor();
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.getAttribute('class')).toContain('skip-link');
    expect(await first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab to the name field, type, and join with Enter: no mouse anywhere.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.locator(':focus').getAttribute('data-testid')) === 'join-name') break;
    }
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('data-testid')).toBe('join-name');
    // The focus indicator is visible (an outline of at least 2px).
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineWidth);
    expect(Number.parseFloat(outline)).toBeGreaterThanOrEqual(2);
    await page.keyboard.type('Kasia');
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="connection-state"][data-state="online"]')
      .first()
      .waitFor({ timeout: 20_000 });
    // The interface follows the browser's language (Polish here).
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
  });
});

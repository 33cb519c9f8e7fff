import { describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, seeText } from './support/pages.ts';
import { OsConsole, OsPhone, cell, lowOnScreen } from './support/open-space-pages.ts';
import { startProduct } from './support/server.ts';

/** Issue 14 on the Open Space board: a workshop day without surprises. */
describe('open space, a workshop day without surprises', () => {
  it('drops a topic in the cell under the pointer and under the finger', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Grid day', 'open-space');
    await desk.enter(board);
    const fac = new OsConsole(desk.page);
    await fac.addSlot('Round 1', '10:00', '11:00');
    await fac.addSlot('Round 2', '11:00', '12:00');
    await fac.addSpace('Hall A', 30);
    await fac.addSpace('Hall B', 20);
    const phoneCtx = await newDevice(browser, 'phone');
    const phone = new OsPhone(
      (await ParticipantPhone.joinByCode(phoneCtx, server.url, board.code, 'Olena')).page,
    );
    await fac.step('marketplace');
    await phone.waitForPhase('marketplace');
    await phone.propose('Youth exchange', 'Young people of both cities');
    await phone.propose('Joint funding', 'EU funds');
    // Aimed at a cell low on the screen: dnd-kit used to scroll the page under the pointer
    // (its outer 20 % scrolled), so the drop landed a row below, in Round 2.
    const byFinger = cell(phone.page, 'Round 1', 'Hall A');
    await lowOnScreen(byFinger);
    await phone.dragByTouch('Youth exchange', byFinger);
    await seeText(cell(desk.page, 'Round 1', 'Hall A'), 'Youth exchange');
    const byMouse = cell(desk.page, 'Round 1', 'Hall B');
    await lowOnScreen(byMouse);
    await fac.dragByPointer('Joint funding', byMouse);
    await seeText(cell(phone.page, 'Round 1', 'Hall B'), 'Joint funding');
    for (const space of ['Hall A', 'Hall B'])
      expect(await cell(desk.page, 'Round 2', space).textContent()).not.toMatch(/Youth|Joint/);
    await desk.page.screenshot({ path: shotPath('os14-grid-laptop'), fullPage: true });
    await phone.page.screenshot({ path: shotPath('os14-grid-phone'), fullPage: true });
  });
});

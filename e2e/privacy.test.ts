// Issue 16, privacy: the facilitator deletes a board while a phone is on it; the phone says
// so in its language and its copy is gone (IndexedDB and localStorage). The facilitator's
// list of boards moves to another laptop as a file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBoard, tempDir } from '../server/test/harness.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** Everything of the board this page's origin still keeps: IndexedDB names, localStorage keys. */
const keptOnDevice = (page: Page, code: string): Promise<string[]> =>
  page.evaluate(async (c) => {
    const dbs = (await indexedDB.databases()).map((db) => db.name ?? '');
    const keys = Object.keys(localStorage);
    return [...dbs, ...keys].filter((name) => name.includes(c));
  }, code);

describe('privacy', () => {
  it('a deleted board leaves the phone, which says so; the board list moves as a file', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const laptop = await newDevice(browser, 'laptop');
    const desk = await FacilitatorDesk.open(laptop, server.url);
    const board = await desk.createBoard('Riga city network, day 1');
    const gone = await createBoard(server.url, 'open-space', 'To be deleted');
    await desk.enter(gone);

    const phone = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'uk-UA'),
      server.url,
      gone.code,
      'Оксана',
    );
    await phone.addCard('Спільна ідея');
    await expect.poll(() => keptOnDevice(phone.page, gone.code)).not.toEqual([]);

    // The facilitator deletes it from the console; the phone is told at once, in Ukrainian.
    await desk.page.getByRole('button', { name: 'Delete this board' }).click();
    await desk.page.getByRole('button', { name: 'Yes, delete it' }).click();
    await seeText(phone.page.locator('h1, h2'), 'Цю дошку видалено');
    await expect.poll(() => keptOnDevice(phone.page, gone.code)).toEqual([]);
    expect((await fetch(`${server.url}/api/boards/${gone.code}`)).status).toBe(404);

    // The facilitator's boards, moved to another laptop as a file.
    await seeText(desk.page.locator('h1, h2'), 'This board was deleted');
    await desk.page.goto(server.url);
    const list = desk.page.getByTestId('my-boards');
    await seeText(list, 'Riga city network, day 1');
    expect(await list.textContent()).not.toContain('To be deleted');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      desk.page.getByTestId('my-boards-export').click(),
    ]);
    const file = path.join(tempDir(), 'twinspace-boards.json');
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8')).toContain(board.code);

    const other = await (await newDevice(browser, 'laptop')).newPage();
    await other.goto(server.url);
    await other.getByTestId('my-boards-import').setInputFiles(file);
    await other.getByRole('link', { name: 'Riga city network, day 1' }).click();
    // The console opens with the key from the file: no facilitator link was typed.
    await other.getByTestId('phase-select').or(other.getByTestId('join-name')).first().waitFor();
  });
});

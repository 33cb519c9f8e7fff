// A board runs in one tab of a browser at a time (client/src/sync/tabLock.ts): two tabs each
// kept their own list of unsent edits and wrote it over the other's, so what one tab did
// offline could vanish once that tab was closed. The second tab asks; the person chooses.
import { describe, expect, it } from 'vitest';
import { getCards } from '@twinspace/shared/boards/common';
import { connectClient, createBoard, eventually } from '../server/test/harness.ts';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { ParticipantPhone, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

describe('one tab per board', () => {
  it('a second tab of the same board asks, takes over when told to, and the first one stops', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Tabs');
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    const texts = (): string[] =>
      [...getCards(witness.doc).values()].map((c) => String(c.get('text')));
    const browser = await launchBrowser();
    const phone = await newDevice(browser, 'phone');
    const first = await ParticipantPhone.joinByCode(phone, server.url, board.code, 'Olena');
    await first.addCard('From the first tab');

    // The QR code scanned again: a second tab of the same board, on the same phone.
    const second = await phone.newPage();
    await second.goto(`${server.url}/b/${board.code}`);
    await seeText(second.locator('h1'), 'This board is open in another tab');
    // No session here: the badge says whether the server answers, not a lasting "Syncing".
    const online = '[data-testid="connection-state"][data-state="online"]';
    await second.locator(online).waitFor();
    await second.screenshot({ path: shotPath('tabs-second-asks-390') });
    // Still live in the first tab meanwhile.
    await first.addCard('Still the first tab');
    await eventually(() => expect(texts()).toContain('Still the first tab'), 15_000);

    await second.getByRole('button', { name: 'Use it here' }).click();
    await seeText(first.page.locator('h1'), 'This board is now open in another tab');
    await first.page.locator(online).waitFor();
    const takenOver = new ParticipantPhone(second);
    await takenOver.online();
    // The same person (no join form), with what the first tab did; and it writes.
    await seeText(takenOver.cards(), 'Still the first tab');
    await takenOver.addCard('From the second tab');
    await eventually(() => expect(texts()).toContain('From the second tab'), 15_000);
    expect(texts().filter((t) => t === 'Still the first tab')).toHaveLength(1);
  });
});

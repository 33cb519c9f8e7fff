import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { audit } from './support/a11y.ts';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/**
 * A phone that opens the shared link on a network so slow that the app's scripts have not
 * arrived yet: the test holds them back, then lets them through.
 */
class SlowLinkPhone {
  private release: () => void = () => {};
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<SlowLinkPhone> {
    const page = await context.newPage();
    const phone = new SlowLinkPhone(page);
    const scriptsArrive = new Promise<void>((resolve) => (phone.release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await scriptsArrive;
      await route.continue();
    });
    await page.goto(url, { waitUntil: 'commit' });
    return phone;
  }

  letScriptsThrough(): void {
    this.release();
  }

  preview() {
    return this.page.getByTestId('board-preview');
  }

  previewCards() {
    return this.page.getByTestId('preview-card');
  }
}

describe('the board in the page (SPEC R15, was R17), in a real browser', () => {
  it('a phone reads the board before the app has loaded, joins under it, and the live board replaces it', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partner cities day');
    const olena = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone', 'uk-UA'),
      server.url,
      board.code,
      'Olena',
    );
    await olena.addCard('Youth exchange');
    await olena.addCard('Gemeinsame <Förderanträge>');
    await seeText(olena.cards(), 'Gemeinsame <Förderanträge>');

    const jonas = await SlowLinkPhone.open(
      await newDevice(browser, 'phone', 'de-DE'),
      board.participantUrl,
    );
    // No script has run: what shows is the server's HTML, in the phone's language.
    await jonas.preview().waitFor();
    expect(await jonas.previewCards().allInnerTexts()).toEqual([
      expect.stringContaining('Gemeinsame <Förderanträge>'),
      expect.stringContaining('Youth exchange'),
    ]);
    await seeText(jonas.preview(), 'Jetzt auf dem Board');
    await seeText(jonas.preview(), 'von Olena');
    expect(await jonas.page.getByTestId('join-name').count()).toBe(0);
    await jonas.page.screenshot({ path: shotPath('preview-phone-before-scripts') });

    // The app arrives: its join form above, the board still readable below it.
    jonas.letScriptsThrough();
    await jonas.page.getByTestId('join-name').waitFor();
    await expect.poll(() => jonas.previewCards().count()).toBe(2);
    expect(await jonas.page.locator('.preview__intro').isVisible()).toBe(false);
    expect(await audit(jonas.page, 'join form with the board preview')).toEqual([]);
    await jonas.page.screenshot({ path: shotPath('preview-phone-join'), fullPage: true });

    // Joined: the live board, once, and the preview gone.
    await jonas.page.getByTestId('join-name').fill('Jonas');
    await jonas.page.getByTestId('join-submit').click();
    await seeText(jonas.page.getByTestId('card'), 'Youth exchange');
    expect(await jonas.page.getByTestId('board-preview').count()).toBe(0);
    expect(await jonas.page.getByTestId('card').count()).toBe(2);
    await olena.addCard('Live after the preview');
    await seeText(jonas.page.getByTestId('card'), 'Live after the preview');
  });
});

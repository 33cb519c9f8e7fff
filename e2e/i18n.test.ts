import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ProjectorWall } from './support/pages.ts';

/** Fonts loaded and two frames painted: the screen a person would see, without a fixed wait. */
const settled = (page: import('playwright-core').Page): Promise<void> =>
  page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
import { startProduct } from './support/server.ts';

/**
 * The interface in the participants' languages, screenshotted to be looked at for
 * truncation and overflow (Cyrillic, long German compounds, Latvian diacritics): the
 * join screen and a board on a phone, and the projector, per language. The language
 * comes from the browser (navigator.languages), as on a participant's own phone.
 */
const LANGUAGES = [
  { lang: 'uk', locale: 'uk-UA', join: 'Приєднатися до дошки', name: 'Олена Коваленко' },
  { lang: 'de', locale: 'de-DE', join: 'Board beitreten', name: 'Hans-Joachim Müller' },
  { lang: 'lv', locale: 'lv-LV', join: 'Pievienoties tāfelei', name: 'Zinta Gugāne' },
  { lang: 'be', locale: 'be-BY', join: 'Далучыцца да дошкі', name: 'Алесь Шушкевіч' },
] as const;

/** How far the page is wider than the phone: 0 when nothing sticks out. */
const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Elements whose text is cut off inside their own box (ellipsis or hidden overflow). */
const clipped = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        if (el.children.length > 0 || !el.textContent?.trim()) return false;
        const style = getComputedStyle(el);
        if (style.position === 'absolute' && style.clipPath !== 'none') return false; // hidden text
        return el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible';
      })
      .map((el) => el.textContent?.trim() ?? ''),
  );

describe('every participant’s language', () => {
  it('shows join screen, board and projector translated, without overflow', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Kyjiw – Leipzig – Rīga: Partnerschaftswerkstatt 2025');
    await desk.enter(board);

    for (const { lang, locale, join, name } of LANGUAGES) {
      const phone = await (await newDevice(browser, 'phone', locale)).newPage();
      await phone.goto(board.participantUrl);
      await phone.getByTestId('join-name').waitFor();
      expect(await phone.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await phone.getByTestId('join-language').inputValue()).toBe(lang);
      expect((await phone.getByTestId('join-submit').textContent())?.trim()).toBe(join);
      await phone.getByTestId('join-name').fill(name);
      await phone.screenshot({ path: shotPath(`i18n-${lang}-join-phone`), fullPage: true });
      expect(await overflow(phone), `${lang} join`).toBeLessThanOrEqual(0);
      expect(await clipped(phone), `${lang} join`).toEqual([]);

      await phone.getByTestId('join-submit').click();
      await phone
        .locator('[data-testid="connection-state"][data-state="online"]')
        .first()
        .waitFor({ timeout: 20_000 });
      // The board itself, not its loading state: its code and strings arrive after the join.
      await phone.getByTestId('os-board').waitFor({ timeout: 20_000 });
      await settled(phone);
      await phone.screenshot({ path: shotPath(`i18n-${lang}-board-phone`), fullPage: true });
      expect(await overflow(phone), `${lang} board`).toBeLessThanOrEqual(0);

      const wall = await ProjectorWall.open(
        await newDevice(browser, 'projector', locale),
        board.projectorUrl,
      );
      await wall.roomCode().waitFor();
      await wall.page.locator('main h1').first().waitFor({ timeout: 15_000 });
      await wall.page.getByTestId('os-wall').waitFor({ timeout: 15_000 });
      expect(await wall.page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await settled(wall.page);
      await wall.page.screenshot({ path: shotPath(`i18n-${lang}-projector-1920`) });
      expect(await overflow(wall.page), `${lang} projector`).toBeLessThanOrEqual(0);
    }
  });
});

import type { Page } from 'playwright-core';

/**
 * Visible text on a screen set smaller than `min` px, as [text, px] pairs: a wall must be
 * read from the back of a room (about 28 px on a 1080p projector).
 */
export const smallText = (page: Page, min: number): Promise<[string, number][]> =>
  page.evaluate((limit) => {
    const small: [string, number][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || el.closest('[aria-hidden="true"], .visually-hidden, [id^="Dnd"], .toast'))
        continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < limit) small.push([text.slice(0, 40), px]);
    }
    return small;
  }, min);

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { OsConsole } from './support/open-space-pages.ts';
import { FacilitatorDesk } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** A4 and A3 portrait in PDF points (1/72 in). */
const SIZES = { a4: [595.28, 841.89], a3: [841.89, 1190.55] } as const;
/** Each page's size, to the point (Chromium rounds the page to whole CSS pixels). */
const sizes = (pages: number[][]): number[][] => pages.map((page) => page.map(Math.round));
const size = (paper: keyof typeof SIZES): number[] => SIZES[paper].map(Math.round);

/** The pages of a PDF and their sizes, from its page objects' MediaBox. */
function pdfPages(pdf: Buffer): number[][] {
  const objects = pdf.toString('latin1').split(/\bendobj\b/);
  return objects
    .filter((o) => /\/Type\s*\/Page(?!s)/.test(o))
    .map((o) => /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(o)?.[1] ?? '')
    .map((box) =>
      box
        .trim()
        .split(/\s+/)
        .map(Number)
        .slice(2)
        .map((n) => Math.round(n * 100) / 100),
    );
}

/** What a print showed (read before the PDF: the console clears the pages after printing). */
interface Printed {
  pdf: Buffer;
  texts: string[];
  codes: string[];
  qr: { src: string | null; alt: string | null } | null;
}

/** Prints one poster from the console's print panel; the print dialog is stubbed, the PDF made from print CSS. */
async function print(page: Page, poster: string, paper: 'a4' | 'a3'): Promise<Printed> {
  await page.getByTestId(`print-paper-${paper}`).check();
  await page.getByTestId(`print-${poster}`).click();
  await page
    .locator('[data-testid="print-root"][data-ready="true"]')
    .waitFor({ state: 'attached', timeout: 15_000 });
  const sheets = page.getByTestId('poster');
  const texts = await sheets.allTextContents();
  const codes = await page.getByTestId('poster-code').allTextContents();
  const qrImage = page.locator('[data-testid="poster"] [data-testid="qr-code"]');
  const qr =
    (await qrImage.count()) > 0
      ? { src: await qrImage.getAttribute('src'), alt: await qrImage.getAttribute('alt') }
      : null;
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return { pdf, texts, codes, qr };
}

describe('posters', () => {
  it('prints the join poster on A4 and the door schedules on A3, one page each, legible', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const context = await newDevice(browser, 'laptop');
    await context.addInitScript(() => {
      window.print = () => undefined;
    });
    const desk = await FacilitatorDesk.open(context, server.url);
    const board = await desk.createBoard('Kyiv Open Space', 'open-space');
    await desk.enter(board);
    const console = new OsConsole(desk.page);
    await console.addSlot('Round 1', '10:00', '10:45');
    await console.addSlot('Round 2', '11:00', '11:45');
    await console.addSpace('Green room', 20);
    await console.addSpace('Library', 8);

    const join = await print(desk.page, 'join', 'a4');
    expect(sizes(pdfPages(join.pdf))).toEqual([size('a4')]);
    expect(join.codes).toEqual([board.code]);
    expect(join.texts[0]).toContain(board.participantUrl);
    // The QR code is there, drawn (an SVG of many modules), and says what it opens.
    expect(join.qr?.src).toMatch(/^data:image\/svg\+xml;.*%3Cpath/);
    expect(join.qr?.alt).toContain(board.participantUrl);

    const doors = await print(desk.page, 'doors', 'a3');
    expect(sizes(pdfPages(doors.pdf))).toEqual([size('a3'), size('a3')]);
    expect(doors.texts[0]).toContain('Green room');
    expect(doors.texts[1]).toContain('Library');
    expect(doors.texts[1]).toContain('10:00–10:45');

    // Poll results: a page per opened poll; before any, one page that says so.
    const polls = await print(desk.page, 'polls', 'a4');
    expect(sizes(pdfPages(polls.pdf))).toEqual([size('a4')]);
    expect(polls.texts[0]).toContain('No poll has been opened yet.');

    // A page as paper shows it, to be looked at (print media, the sheet alone).
    await desk.page.getByTestId('print-paper-a4').check();
    await desk.page.getByTestId('print-join').click();
    await desk.page
      .locator('[data-testid="print-root"][data-ready="true"]')
      .waitFor({ state: 'attached' });
    await desk.page.emulateMedia({ media: 'print' });
    await desk.page.getByTestId('poster').screenshot({ path: shotPath('poster-join-a4') });
    const fontPx = await desk.page
      .getByTestId('poster-code')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThan(80);

    await desk.page.emulateMedia({ media: null });
    // Top five on a Match & Sprint board, where it is a tab: the board's points, also when
    // the tab was not opened since the page loaded (the poster said 'No points yet' over a
    // table's six points).
    await desk.page.goto(server.url);
    const ms = await desk.createBoard('Minsk and Dresden', 'match-sprint');
    await desk.enter(ms);
    await desk.page.getByTestId('ms-tab-topFive').click();
    const tf = desk.page.getByTestId('tf-panel');
    await tf.getByTestId('tf-new-group').fill('Table 1');
    await tf.getByTestId('tf-new-group-submit').click();
    await desk.page.getByTestId('tf-point-input').fill('Trust before money');
    await desk.page.getByTestId('tf-point-submit').click();
    await desk.page.getByTestId('tf-point').filter({ hasText: 'Trust before money' }).waitFor();
    await desk.page.reload();
    await desk.page
      .locator('[data-testid="connection-state"][data-state="online"]')
      .first()
      .waitFor({ timeout: 20_000 });
    const five = await print(desk.page, 'top-five', 'a4');
    expect(sizes(pdfPages(five.pdf))).toEqual([size('a4')]);
    expect(five.texts[0]).toContain('Table 1');
    expect(five.texts[0]).toContain('Trust before money');
  });
});

import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk } from './support/pages.ts';
import { startProduct } from './support/server.ts';
import { smallText } from './support/legible.ts';
import { CityMember, MsFacilitator, MsWall, visible } from './support/matchSprint.ts';

/**
 * How far the page reaches beyond the phone's width. A mobile browser widens its layout
 * viewport to fit wide content (innerWidth grew to 663 px on a 390 px phone), so the page's
 * width is compared with the device's, not with innerWidth.
 */
const sideways = (page: Page): Promise<number> =>
  page.evaluate(
    (device) => Math.max(document.scrollingElement?.scrollWidth ?? 0, innerWidth) - device,
    page.viewportSize()?.width ?? 0,
  );

/** A checkbox sits beside its label's text, on its first line, not above it. */
async function besideItsLabel(box: Locator): Promise<void> {
  const [input, label] = await box.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el.closest('label') ?? el);
    const text = [...range.getClientRects()].filter((x) => x.left >= r.right - 1)[0];
    return [r.toJSON(), text ? text.toJSON() : null] as [DOMRect, DOMRect | null];
  });
  expect(input.width).toBeLessThan(40);
  expect(label, 'label text to the right of the box').not.toBeNull();
  expect(Math.abs((label?.top ?? 0) - input.top)).toBeLessThan(input.height);
}

const LONG =
  'https://www.dresden.de/de/leben/gesellschaft/jugend/Jugendfreizeiteinrichtungsförderungsprogramm';

/** Issue 14 on the Match & Sprint board: phones, the facilitator, the plan. */
describe('match & sprint, a workshop day without surprises', () => {
  it('fits phones, names projects, moves tasks by column, writes the plan in its language', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Twin City Booster', 'match-sprint');
    await desk.enter(board, 'Fran');
    const fac = new MsFacilitator(desk);
    await fac.nameCities(['Kyiv', 'Dresden']);
    await fac.addTheme('Youth');
    // 4: the facilitator's checkboxes stand beside their labels.
    await besideItsLabel(desk.page.getByTestId('tf-show-wall'));
    await besideItsLabel(desk.page.getByTestId('ms-hide-sides'));
    const olena = await CityMember.join(
      await newDevice(browser, 'phone', 'uk-UA'),
      board.participantUrl,
      'Olena',
      'Kyiv',
    );
    const wall = await MsWall.open(
      await newDevice(browser, 'projector', 'de-DE'),
      board.projectorUrl,
    );
    // Welcome, before any card: the wall says how to join, the phone when cards come (both
    // showed empty sides and nothing more).
    await visible(wall.page.getByTestId('ms-wall-welcome').getByText('Code scannen'));
    await visible(olena.page.getByTestId('ms-add-later').getByText('«Підготовка»'));
    await wall.page.screenshot({ path: shotPath('ms14-welcome-projector-1920-de') });
    expect(await smallText(wall.page, 28)).toEqual([]);
    await desk.setPhase('prepare');
    const narrow = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'de-DE',
    });
    const bernd = await CityMember.join(narrow, board.participantUrl, 'Bernd', 'Dresden');
    await olena.addCard('need', 'Приміщення для молодіжних клубів', ['Youth']);
    await bernd.addCard('potential', 'Jugendhaus Neustadt', ['Youth']);
    await bernd.addCard('idea', LONG);
    // Deleting a card asks first, in place; Keep keeps it, Delete removes it for everyone.
    await bernd.addCard('idea', 'Probe');
    const probe = bernd.page.getByTestId('ms-card').filter({ hasText: 'Probe' });
    await probe.getByTestId('ms-card-delete').click();
    await visible(probe.getByText('Für alle löschen?'));
    await probe.getByTestId('ms-card-delete-keep').click();
    await visible(olena.side('Dresden').getByText('Probe'));
    await probe.getByTestId('ms-card-delete').click();
    await probe.getByTestId('ms-card-delete-yes').click();
    await olena.side('Dresden').getByText('Probe').waitFor({ state: 'detached' });
    await visible(olena.side('Dresden').getByText('Jugendhaus Neustadt'));
    await visible(olena.side('Dresden').getByText(LONG));
    // 3: no sideways scrolling at 390 and 360 px, every section tab in sight.
    for (const member of [olena, bernd]) {
      expect(await sideways(member.page)).toBeLessThanOrEqual(0);
      const width = member.page.viewportSize()?.width ?? 0;
      for (const tab of await member.page.locator('.ms-tab').all()) {
        const box = await tab.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
      }
    }
    // 9: a card's language reads as a language, not a country ("UK").
    const badge = olena.side('Dresden').locator('.ms-card__lang').first();
    expect(await badge.textContent()).toBe('Deutsch');
    // 11: each language in its own name.
    const names = await olena.page.locator('.lang-select select option').allTextContents();
    expect(names).toContain('Беларуская');
    await olena.page.screenshot({ path: shotPath('ms14-prepare-phone-390-uk'), fullPage: true });
    await bernd.page.screenshot({ path: shotPath('ms14-prepare-phone-360-de'), fullPage: true });
    // 8: the wall's card kinds ("NEED", "POTENTIAL") and everything else at 28 px and up.
    await visible(wall.side('Dresden').getByText('Jugendhaus Neustadt'));
    await wall.page.screenshot({ path: shotPath('ms14-prepare-projector-1920-de') });
    expect(await smallText(wall.page, 28)).toEqual([]);

    // 9: the facilitator (no city) sees each card once when linking by hand.
    await desk.setPhase('match');
    await fac.tab('matches');
    const from = desk.page.getByTestId('ms-link-from-list');
    const to = desk.page.getByTestId('ms-link-to-list');
    await visible(to.getByText('Jugendhaus Neustadt'));
    expect(await from.getByTestId('ms-card').count()).toBe(1);
    expect(await to.getByTestId('ms-card').count()).toBe(2);
    await desk.page.screenshot({ path: shotPath('ms14-match-laptop'), fullPage: true });
    // The match phase and the fairness table fit the phones too (a suggestion's two cards,
    // side by side, and the fairness table's five columns widened the page by 13-111 px).
    for (const member of [olena, bernd]) {
      await member.tab('matches');
      await visible(member.suggestions().first());
      expect(await sideways(member.page)).toBeLessThanOrEqual(0);
      await member.tab('fairness');
      await visible(member.page.getByTestId('ms-fairness'));
      expect(await sideways(member.page)).toBeLessThanOrEqual(0);
      await member.tab('matches');
    }
    await olena.suggestions().first().getByRole('button').click();
    await fac.page.getByTestId('ms-link').first().getByTestId('ms-confirm').click();
    // The one suggestion linked, none is left: the phone says so, not 'add cards with themes'.
    await visible(
      olena.page.getByTestId('ms-no-suggestions').getByText('Усі запропоновані пари вже пов’язані'),
    );

    // 9: the team gives its project a real name; every screen shows it.
    await olena.tab('projects');
    await olena.page.getByTestId('ms-join').first().click();
    await olena.page.getByTestId('ms-rename').click();
    await olena.page.getByTestId('ms-rename-input').fill('Молодіжний дім');
    await olena.page.getByTestId('ms-rename-save').click();
    await bernd.tab('projects');
    await visible(bernd.project('Молодіжний дім'));
    await olena.page.screenshot({ path: shotPath('ms14-projects-phone-390-uk'), fullPage: true });

    // 10: on a phone the columns stack; the right arrow still moves a task to the next column.
    await desk.setPhase('sprint');
    await olena.addTask('Зал', 'Olena');
    const grip = olena.task('Зал').locator('.ms-task__grip');
    const live = olena.page.locator('[id^="DndLiveRegion"]');
    await grip.focus();
    await olena.page.keyboard.press('Space');
    // Picked up (the live region may still hold an earlier announcement: the task says so).
    await visible(olena.task('Зал').and(olena.page.locator('.is-dragging')));
    await expect.poll(() => live.textContent()).toMatch(/\S/); // as a person hears
    const hovered = olena.column('doing').and(olena.page.locator('.is-over'));
    for (let step = 0; step < 3 && !(await hovered.count()); step++) {
      await olena.page.keyboard.press('ArrowRight');
      await hovered.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await visible(hovered);
    await olena.page.keyboard.press('Space');
    await visible(bernd.column('doing').getByText('Зал'));
    await expect.poll(() => live.textContent()).toContain('У роботі');
    expect(await sideways(olena.page)).toBeLessThanOrEqual(0);
    await olena.page.screenshot({ path: shotPath('ms14-sprint-phone-390-uk'), fullPage: true });
    await wall.page.screenshot({ path: shotPath('ms14-sprint-projector-1920-de') });
    expect(await smallText(wall.page, 28)).toEqual([]);

    // 5: the action plan in the language asked for, downloaded like every other file.
    const controls = desk.page.locator(
      'details.ms-controls-wrap:not([data-testid="ms-moderation"])',
    );
    if (!(await controls.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await controls.locator(':scope > summary').click();
    }
    const [download] = await Promise.all([
      desk.page.waitForEvent('download', { timeout: 15_000 }),
      desk.page.getByTestId('ms-export-md').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    // Closing the sprint before anyone reviewed it: the facilitator is told, before the
    // confirm button, that the Review tab will then be about the next sprint.
    await desk.page.getByTestId('ms-close-sprint').click();
    await visible(
      desk.page.getByTestId('ms-close-sprint-unreviewed').getByText('Sprint 1 has no review yet'),
    );
    await desk.page.screenshot({ path: shotPath('ms14-close-sprint-laptop'), fullPage: true });
    const res = await fetch(`${server.url}/api/boards/${board.code}/export.md?lang=uk`, {
      // exports need the facilitator's key (the fragment of the facilitator link)
      headers: { authorization: `Bearer ${new URL(board.facilitatorUrl).hash.slice(5)}` },
    });
    const plan = await res.text();
    expect(plan).toContain('# Twin City Booster: спільний план дій');
    expect(plan).toContain('## Молодіжний дім');
    expect(plan).toContain('### Команда');
    expect(plan).toContain('| Спринт | Завдання |');
    expect(plan).toContain('| у роботі |');
    expect(plan).not.toMatch(/Team|Tasks|Per city/);
  });
});

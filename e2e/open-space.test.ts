import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { screensLooker } from './support/a11y.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall, seeText } from './support/pages.ts';
import { OsConsole, OsPhone, OsWall, cell } from './support/open-space-pages.ts';
import { startProduct } from './support/server.ts';

/**
 * "HH:MM" of local time now plus some minutes: slot 1 runs now, slot 2 next. Near midnight
 * slot 1 runs across it (23:40-00:40), which now/next understands (shared nowNext.ts).
 */
const hhmm = (offsetMin: number): string => {
  const d = new Date(Date.now() + offsetMin * 60_000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

const TOPICS = {
  olena: 'Youth exchange between partner cities',
  jonas: 'Joint funding applications',
  aga: 'Green mobility corridors',
  late: 'City twinning newsletter',
};

async function noHorizontalOverflow(phone: OsPhone): Promise<void> {
  const overflow = await phone.page.evaluate(
    // A mobile browser widens innerWidth to fit wide content: compare with the device's width.
    (device) => Math.max(document.documentElement.scrollWidth, window.innerWidth) - device,
    phone.page.viewportSize()?.width ?? 0,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function joinPhone(ctx: BrowserContext, url: string, code: string, name: string) {
  return new OsPhone((await ParticipantPhone.joinByCode(ctx, url, code, name)).page);
}

describe('open space, a whole day in real browsers', () => {
  it('runs welcome -> marketplace -> voting -> agenda -> running -> harvest on every screen', async () => {
    // Every screen photographed below is also audited (WCAG 2.2 AA, axe-core).
    const screens = screensLooker();
    const server = await startProduct();
    const browser = await launchBrowser();

    // Welcome: the facilitator creates the board and sets up 2 slots x 2 spaces.
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Kyiv open space', 'open-space');
    await desk.enter(board);
    const fac = new OsConsole(desk.page);
    await fac.addSlot('Morning', hhmm(-30), hhmm(30));
    await fac.addSlot('Afternoon', hhmm(30), hhmm(90));
    await fac.addSpace('Hall A', 30);
    await fac.addSpace('Room B', 2);
    // The day of the event, in the venue's zone (this machine's): for the calendar export.
    await desk.page.getByTestId('event-date').fill('2026-12-03');
    await desk.page.getByTestId('event-zone-here').click();
    await desk.page.getByTestId('event-zone-here').waitFor({ state: 'detached' });
    await screens.look(desk.page, 'os-1-console-setup-laptop', true);
    await desk.page.getByTestId('vote-budget').fill('3');
    await desk.page.getByTestId('hide-votes').check();

    const wall = new OsWall(
      (await ProjectorWall.open(await newDevice(browser, 'projector'), board.projectorUrl)).page,
    );
    const phone = () => newDevice(browser, 'phone');
    const olena = await joinPhone(await phone(), server.url, board.code, 'Olena');
    const jonas = await joinPhone(await phone(), server.url, board.code, 'Jonas');
    const aga = await joinPhone(await phone(), server.url, board.code, 'Agnieszka');
    await olena.waitForPhase('welcome');
    await screens.look(wall.page, 'os-1-welcome-projector-1920');

    // Marketplace: three phones propose; three ways onto the grid.
    await fac.step('marketplace');
    await olena.propose(TOPICS.olena, 'Exchanges for young people of both cities');
    await jonas.propose(TOPICS.jonas, 'EU and city funds we could apply for together');
    await aga.propose(TOPICS.aga, 'Cycling and rail links');
    await seeText(wall.topics(), TOPICS.aga);
    expect(await wall.topics().count()).toBe(3);

    // A convener drags their own topic with her finger, the facilitator moves it on by mouse...
    await olena.dragByTouch(TOPICS.olena, cell(olena.page, 'Afternoon', 'Room B'));
    await seeText(cell(desk.page, 'Afternoon', 'Room B'), TOPICS.olena);
    await fac.dragByPointer(TOPICS.olena, cell(desk.page, 'Morning', 'Hall A'));
    await seeText(cell(jonas.page, 'Morning', 'Hall A'), TOPICS.olena);
    // ...the facilitator moves another by keyboard (and hears where it went)...
    await fac.dragByKeyboard(TOPICS.jonas, cell(desk.page, 'Morning', 'Room B'));
    await seeText(cell(desk.page, 'Morning', 'Room B'), TOPICS.jonas);
    await seeText(fac.announcements(), 'was dropped on Morning');
    // ...and a phone picks a free slot from a list, no dragging.
    await aga.pickSlot(TOPICS.aga, 'Afternoon', 'Hall A');
    for (const screen of [olena.page, desk.page])
      await seeText(cell(screen, 'Afternoon', 'Hall A'), TOPICS.aga);
    // One more topic stays off the grid: the auto-schedule will place it.
    await jonas.propose(TOPICS.late, 'A shared newsletter of both city halls');
    await screens.look(olena.page, 'os-2-marketplace-phone-390', true);
    await screens.look(wall.page, 'os-2-marketplace-projector-1920');
    await noHorizontalOverflow(olena);

    // Voting: a budget of 3, hidden until revealed; each phone sees its own dots.
    await fac.step('voting');
    await olena.waitForPhase('voting');
    for (const voter of [olena, jonas, aga]) {
      await voter.vote(TOPICS.olena);
      await voter.vote(TOPICS.jonas);
    }
    await seeText(olena.dotsLeft(), '1 of 3 dots left');
    await aga.vote(TOPICS.late);
    await screens.look(olena.page, 'os-3-voting-phone-390', true);
    await seeText(wall.page.getByTestId('os-wall'), 'Voting is open');
    await desk.page.getByTestId('reveal-votes').click();
    await seeText(wall.page.getByTestId('vote-results'), '3 dots');
    await seeText(wall.page.getByTestId('vote-results'), '1 dot ·');
    // Every bar starts on one line, whatever its row's count says ("1 dot" is narrower than
    // "3 dots"), so their lengths compare: one set of columns for all rows.
    const starts = await wall.page
      .locator('.os-results__bar')
      .evaluateAll((bars) => bars.map((bar) => Math.round(bar.getBoundingClientRect().left)));
    expect(new Set(starts).size).toBe(1);
    await screens.look(wall.page, 'os-3-results-projector-1920');
    // Three people want both morning topics; Room B seats two: conflicts show on the grid.
    await seeText(desk.page.getByTestId('conflict-count'), 'conflicts on the grid');
    await desk.page
      .locator('[data-testid="conflict-badge"][data-kind="over-capacity"]')
      .first()
      .waitFor();
    await desk.page.getByTestId('schedule-preview').click();
    await desk.page.getByTestId('schedule-quality').waitFor();
    await screens.look(desk.page, 'os-3-console-laptop', true);
    // Accepted, the proposal places the unplaced topic in the one free cell (its convener
    // is busy in the morning); the wall shows it with the agenda.
    await desk.page.getByTestId('schedule-accept').click();
    await seeText(cell(desk.page, 'Afternoon', 'Room B'), TOPICS.late);

    // Agenda on the wall.
    await fac.step('agenda');
    await wall.waitForPhase('agenda');
    await seeText(cell(wall.page, 'Afternoon', 'Hall A'), TOPICS.aga);
    await seeText(cell(wall.page, 'Afternoon', 'Room B'), TOPICS.late);
    await screens.look(wall.page, 'os-4-agenda-projector-1920');

    // Running: now / next, a timer on every screen, notes typed on one phone appear on another.
    await fac.step('running');
    await desk.page.getByTestId('timer-minutes').fill('10');
    await desk.page.getByTestId('timer-start').click();
    await seeText(wall.timer(), '9:5');
    await seeText(olena.timer(), '9:5');
    await seeText(olena.page.getByTestId('now'), TOPICS.olena);
    await seeText(olena.page.getByTestId('next'), TOPICS.aga);
    await olena.notes(TOPICS.olena).click();
    await olena.page.keyboard.type('We agreed on a pilot exchange in May.');
    await expect
      .poll(() => jonas.notes(TOPICS.olena).inputValue(), { timeout: 15_000 })
      .toContain('pilot exchange in May');
    await screens.look(jonas.page, 'os-5-running-phone-390', true);
    await screens.look(wall.page, 'os-5-running-projector-1920');
    await noHorizontalOverflow(jonas);

    // Harvest: export links on the phone, and the proceedings carry the notes.
    await fac.step('harvest');
    await aga.waitForPhase('harvest');
    const md = aga.page.getByTestId('export-md');
    await md.waitFor();
    for (const id of ['export-html', 'export-csv', 'export-ics'])
      await aga.page.getByTestId(id).waitFor();
    // Exports need the participant's ticket: the buttons fetch them and save a download.
    const downloaded = async (id: string): Promise<{ name: string; text: string }> => {
      const [download] = await Promise.all([
        aga.page.waitForEvent('download', { timeout: 15_000 }),
        aga.page.getByTestId(id).click(),
      ]);
      const text = await readFile(await download.path(), 'utf8');
      return { name: download.suggestedFilename(), text };
    };
    const proceedings = await downloaded('export-md');
    expect(proceedings.name).toMatch(/\.md$/);
    const text = proceedings.text;
    expect(text).toContain(TOPICS.olena);
    expect(text).toContain('pilot exchange in May');
    // The calendar puts every session on the day set, converted from the venue's zone.
    const ics = (await downloaded('export-ics')).text;
    expect(ics.match(/^DTSTART:\d{8}T\d{6}Z\r?$/gm)).toHaveLength(4);
    // (near midnight the slots built around now run into the next day)
    expect(ics).toMatch(/^DTSTART:2026120[234]T/m);
    await screens.look(aga.page, 'os-6-harvest-phone-390', true);
    expect(screens.serious).toEqual([]);
  });
});

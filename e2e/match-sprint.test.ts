import { describe, expect, it } from 'vitest';
import { screensLooker } from './support/a11y.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { FacilitatorDesk, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';
import { CityMember, MsFacilitator, MsWall, visible } from './support/matchSprint.ts';

const noSideways = async (member: CityMember): Promise<void> => {
  const overflow = await member.page.evaluate(
    // A mobile browser widens innerWidth to fit wide content: compare with the device's width.
    (device) => Math.max(document.documentElement.scrollWidth, window.innerWidth) - device,
    member.page.viewportSize()?.width ?? 0,
  );
  expect(overflow).toBeLessThanOrEqual(0);
};

describe('Match & Sprint, in real browsers', () => {
  it('two cities (phones in the room, a remote laptop), a facilitator and a projector run prepare, match, sprint and review', async () => {
    // Every screen photographed below is also audited (WCAG 2.2 AA, axe-core).
    const screens = screensLooker();
    const server = await startProduct();
    const browser = await launchBrowser();

    // The facilitator sets the board up: cities, themes, then the prepare phase.
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Twin City Booster', 'match-sprint');
    await desk.enter(board, 'Fran');
    const fac = new MsFacilitator(desk);
    // No cities yet: the facilitator is told where to name them (not that someone has not).
    await seeText(desk.page.locator('.ms-empty'), 'name them under “Match & Sprint settings”');
    await fac.nameCities(['Minsk', 'Dresden']);
    await fac.addTheme('Youth');
    await fac.addTheme('Green spaces');
    await desk.setPhase('prepare');

    // Minsk is in the room on phones; Dresden joins from afar on a laptop, in German.
    const anna = await CityMember.join(
      await newDevice(browser, 'phone'),
      board.participantUrl,
      'Anna',
      'Minsk',
    );
    const ivan = await CityMember.join(
      await newDevice(browser, 'phone'),
      board.participantUrl,
      'Ivan',
      'Minsk',
    );
    const bernd = await CityMember.join(
      await newDevice(browser, 'laptop', 'de-DE'),
      board.participantUrl,
      'Bernd',
      'Dresden',
    );
    const wall = await MsWall.open(await newDevice(browser, 'projector'), board.projectorUrl);

    // Prepare: each city fills its own side; everyone sees both sides live.
    await anna.addCard('need', 'Rooms for youth clubs', ['Youth']);
    await ivan.addCard('interest', 'Urban gardening', ['Green spaces']);
    await bernd.addCard('potential', 'Jugendhaus Neustadt', ['Youth']);
    await bernd.addCard('interest', 'Gemeinschaftsgärten', ['Green spaces']);
    await visible(anna.side('Dresden').getByText('Jugendhaus Neustadt'));
    await visible(bernd.side('Minsk').getByText('Rooms for youth clubs'));
    // A member adds cards only on their own side.
    expect(await anna.page.getByTestId('ms-add-card').textContent()).toContain('Minsk');
    await visible(wall.side('Minsk').getByText('Urban gardening'));
    await visible(wall.side('Dresden').getByText('Gemeinschaftsgärten'));
    await screens.look(anna.page, 'ms-1-prepare-phone', true);
    await screens.look(wall.page, 'ms-1-prepare-projector');
    await noSideways(anna);

    // Match: the suggestion and its reason, in each reader's own words and language.
    await desk.setPhase('match');
    await visible(anna.page.locator('[data-testid="ms-panel-matches"]'));
    await visible(
      anna.page.getByTestId('ms-reason').filter({
        hasText:
          'Your need “Rooms for youth clubs” meets Dresden’s potential “Jugendhaus Neustadt”; shared themes: Youth',
      }),
    );
    await visible(
      bernd.page.getByTestId('ms-reason').filter({
        hasText:
          'Der Bedarf „Rooms for youth clubs“ von Minsk trifft Ihr Potenzial „Jugendhaus Neustadt“',
      }),
    );
    await visible(
      anna.page
        .getByTestId('ms-reason')
        .filter({ hasText: /(Minsk and Dresden|Dresden and Minsk) share this/ }),
    );
    await anna.suggestions().first().getByRole('button').click();
    // The remote city links by dragging its card onto Minsk's card.
    // (once Anna's link has arrived there: a list changing under a drag moves the target)
    await visible(bernd.page.getByTestId('ms-link'));
    await bernd.drag(
      bernd.page.getByTestId('ms-drag-card').filter({ hasText: 'Gemeinschaftsgärten' }),
      bernd.page.getByTestId('ms-drop-card').filter({ hasText: 'Urban gardening' }),
    );
    await visible(fac.page.getByTestId('ms-link').filter({ hasText: 'Gemeinschaftsgärten' }));
    const youthLink = fac.page.getByTestId('ms-link').filter({ hasText: 'Jugendhaus Neustadt' });
    await youthLink.getByRole('textbox').fill('Youth house exchange');
    await youthLink.getByTestId('ms-confirm').click();
    await visible(wall.page.locator('[data-testid="ms-wall-link"][data-status="confirmed"]'));
    await screens.look(anna.page, 'ms-2-match-phone', true);
    await screens.look(bernd.page, 'ms-2-match-remote-laptop', true);
    await screens.look(wall.page, 'ms-2-match-projector');
    await noSideways(anna);

    // Projects: both cities join the team; every screen says the team is mixed.
    await anna.tab('projects');
    await anna.project('Youth house exchange').getByTestId('ms-join').click();
    await bernd.tab('projects');
    await bernd.project('Youth house exchange').getByTestId('ms-join').click();
    await visible(anna.page.locator('[data-testid="ms-team"][data-mixed="true"]'));

    // Sprint: tasks with owners and dates, moved across columns; one timer everywhere.
    await desk.setPhase('sprint');
    await fac.startTimer(20);
    for (const screen of [anna, bernd]) await visible(screen.timer());
    await visible(wall.page.getByTestId('timer'));
    await anna.addTask('Book the hall', 'Anna');
    await bernd.addTask('Jugendarbeiter einladen', 'Bernd');
    await visible(anna.task('Jugendarbeiter einladen'));
    await bernd.drag(
      bernd.task('Jugendarbeiter einladen').locator('.ms-task__grip'),
      bernd.column('doing'),
    );
    await visible(anna.column('doing').getByText('Jugendarbeiter einladen'));
    // By keyboard on the phone, told where it went in words (not dnd-kit's English ids).
    const told = await anna.dragByKeyboard(
      anna.task('Book the hall').locator('.ms-task__grip'),
      anna.column('doing'),
    );
    expect(told).toContain('“Book the hall” was dropped on');
    await visible(bernd.column('doing').getByText('Book the hall'));
    await anna.task('Book the hall').getByTestId('ms-task-status').selectOption('done');
    await visible(bernd.column('done').getByText('Book the hall'));
    await visible(
      wall.page.getByTestId('ms-wall-project').filter({ hasText: 'Both sides are in the team' }),
    );
    await screens.look(anna.page, 'ms-3-sprint-phone', true);
    await screens.look(bernd.page, 'ms-3-sprint-remote-laptop', true);
    await screens.look(wall.page, 'ms-3-sprint-projector');
    await noSideways(anna);

    // Review: the team writes together; closing the sprint carries the open task forward.
    await desk.setPhase('review');
    const review = anna.page.getByTestId('ms-review').filter({ hasText: 'Youth house exchange' });
    await review.getByTestId('ms-review-done').fill('Hall booked for the exchange');
    await review.getByTestId('ms-review-next').fill('Exchange in autumn');
    await expect
      .poll(() => bernd.page.getByTestId('ms-review-next').first().inputValue(), {
        timeout: 15_000,
      })
      .toBe('Exchange in autumn');
    await fac.closeSprint();
    await visible(anna.page.getByTestId('ms-history'));
    await anna.tab('sprint');
    await visible(anna.task('Jugendarbeiter einladen').getByText('carried forward'));
    expect(await anna.task('Book the hall').count()).toBe(0);
    await screens.look(anna.page, 'ms-4-review-phone', true);
    await screens.look(wall.page, 'ms-4-review-projector');

    // Fairness and the action plan.
    await fac.tab('fairness');
    await visible(fac.page.locator('[data-testid="ms-fairness"] tr[data-city="Minsk"]'));
    await screens.look(fac.page, 'ms-5-fairness-facilitator', true);
    const plan = await (
      await fetch(`${server.url}/api/boards/${board.code}/export.md`, {
        // exports need the facilitator's key (the fragment of the facilitator link)
        headers: { authorization: `Bearer ${new URL(board.facilitatorUrl).hash.slice(5)}` },
      })
    ).text();
    expect(plan).toContain('## Youth house exchange');
    expect(plan).toContain(
      '| 2 | Jugendarbeiter einladen (carried forward) | Bernd | Dresden | 2025-06-30 |',
    );
    expect(plan).toContain('- What is next: Exchange in autumn');

    // Closed: the sprint timer, still running, leaves the wall and the phones (it counted on).
    await visible(wall.page.getByTestId('timer'));
    await desk.setPhase('closed');
    await wall.phase('closed');
    await wall.page.getByTestId('timer').waitFor({ state: 'detached' });
    await anna.page.getByTestId('timer').waitFor({ state: 'detached' });
    expect(screens.serious).toEqual([]);
  });
});

import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { FacilitatorDesk } from './pages.ts';

/** Page objects of the Match & Sprint board, by role (the facilitator reuses FacilitatorDesk). */

const TIMEOUT = 15_000;

/**
 * Waits for one visible match: a text can also stand in a hidden element (a drag's leftover
 * overlay, an option), which may come first in the page.
 */
export async function visible(locator: Locator): Promise<void> {
  await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** What every board screen (phone, remote laptop, facilitator) can do on this board. */
class MsScreen {
  constructor(readonly page: Page) {}

  tab(name: 'sides' | 'matches' | 'projects' | 'sprint' | 'review' | 'fairness'): Promise<void> {
    return this.page.getByTestId(`ms-tab-${name}`).click();
  }

  panel(): Locator {
    return this.page.locator('[data-testid^="ms-panel-"]');
  }

  side(city: string): Locator {
    return this.page.locator(`[data-testid="ms-side"][data-city="${city}"]`);
  }

  async addCard(
    kind: 'interest' | 'potential' | 'need' | 'idea',
    title: string,
    themes: string[] = [],
  ): Promise<void> {
    const form = this.page.getByTestId('ms-add-card');
    const kindInput = this.page.locator(`input[name="ms-kind"][value="${kind}"]`);
    await form.locator('label.ms-kind-option', { has: kindInput }).click();
    await form.getByTestId('ms-card-title').fill(title);
    for (const theme of themes) {
      await form.locator('label.ms-theme-option', { hasText: theme }).click();
    }
    await form.locator('button[type="submit"]').click();
    await visible(this.page.getByTestId('ms-card').filter({ hasText: title }));
  }

  suggestions(): Locator {
    return this.page.getByTestId('ms-suggestion');
  }

  project(title: string): Locator {
    return this.page.getByTestId('ms-project').filter({ hasText: title });
  }

  column(status: 'todo' | 'doing' | 'done'): Locator {
    return this.page.locator(`[data-testid="ms-column"][data-status="${status}"]`);
  }

  task(title: string): Locator {
    return this.page.getByTestId('ms-task').filter({ hasText: title });
  }

  async addTask(title: string, owner: string): Promise<void> {
    const form = this.page.getByTestId('ms-add-task');
    await form.getByTestId('ms-task-title').fill(title);
    const option = form.getByTestId('ms-task-owner').locator('option', { hasText: owner }).first();
    await form
      .getByTestId('ms-task-owner')
      .selectOption((await option.getAttribute('value')) ?? '');
    await form.getByTestId('ms-task-due').fill('2025-06-30');
    await form.locator('button[type="submit"]').click();
    await visible(this.task(title));
  }

  /** Drags with a real pointer (mouse or finger-like steps) onto another element. */
  async drag(source: Locator, target: Locator): Promise<void> {
    // Mid-screen, away from the edges where dnd-kit scrolls the page during a drag.
    await source.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const from = await source.boundingBox();
    if (!from) throw new Error('drag: source not on screen');
    const start = { x: from.x + from.width / 2, y: from.y + Math.min(20, from.height / 2) };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 10, start.y, { steps: 4 });
    // The page may scroll while dragging (auto-scroll): aim again until the target is hovered.
    const hovered = target.and(this.page.locator('.is-over'));
    for (let attempt = 0; attempt < 10 && !(await hovered.count()); attempt++) {
      const to = await target.boundingBox();
      if (!to) throw new Error('drag: target not on screen');
      await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    }
    // dnd-kit computes the drop target on render: release once the target shows it is hovered.
    await hovered.waitFor({ timeout: TIMEOUT });
    await this.page.mouse.up();
  }

  /**
   * dnd-kit's keyboard drag: focus the handle, Space lifts it, arrow keys move it (towards
   * the target, whichever way the layout puts it) until the target shows it is hovered,
   * Space drops it. Returns what the screen reader was told last.
   */
  /**
   * Picks a task up with Space, moves it to the next column with the right arrow (by
   * column in every layout, stacked on a phone too), and drops it with Space. Returns what
   * the screen reader was told.
   */
  async dragByKeyboard(handle: Locator, target: Locator): Promise<string> {
    const live = this.page.locator('[id^="DndLiveRegion"]');
    await handle.focus();
    await this.page.keyboard.press('Space');
    await expect.poll(() => live.textContent()).toMatch(/\S/); // picked up, as a person hears
    const hovered = target.and(this.page.locator('.is-over'));
    for (let step = 0; step < 3 && !(await hovered.count()); step++) {
      await this.page.keyboard.press('ArrowRight');
      await hovered.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await hovered.waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.press('Space');
    await expect.poll(() => live.textContent()).toMatch(/dropped/);
    return (await live.textContent()) ?? '';
  }

  timer(): Locator {
    return this.page.getByTestId('timer');
  }
}

/** A member of one city on a phone or a remote laptop: joins with the board link and a city. */
export class CityMember extends MsScreen {
  static async join(
    context: BrowserContext,
    url: string,
    name: string,
    city: string,
  ): Promise<CityMember> {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-city').selectOption(city);
    await page.getByTestId('join-submit').click();
    await visible(page.getByTestId('ms-board'));
    return new CityMember(page);
  }
}

/** The facilitator's Match & Sprint controls, on the desk the foundation page object opened. */
export class MsFacilitator extends MsScreen {
  constructor(readonly desk: FacilitatorDesk) {
    super(desk.page);
  }

  /** The settings fold away after the welcome phase; opens them when closed. */
  async controls(): Promise<void> {
    const wrap = this.page.locator('details.ms-controls-wrap:not([data-testid="ms-moderation"])');
    if ((await wrap.getAttribute('open')) === null) await wrap.locator(':scope > summary').click();
  }

  async nameCities(cities: string[]): Promise<void> {
    await this.controls();
    await this.page.getByTestId('ms-cities').fill(cities.join('\n'));
    await this.page.getByTestId('ms-cities-save').click();
  }

  async addTheme(label: string): Promise<void> {
    await this.controls();
    await this.page.getByTestId('ms-theme-input').fill(label);
    await this.page.getByTestId('ms-theme-input').press('Enter');
    await visible(this.page.locator('.ms-controls .ms-theme', { hasText: label }));
  }

  async startTimer(minutes: number): Promise<void> {
    await this.controls();
    await this.page.getByTestId('timer-minutes').fill(String(minutes));
    await this.page.getByTestId('timer-start').click();
  }

  async closeSprint(): Promise<void> {
    await this.controls();
    await this.page.getByTestId('ms-close-sprint').click();
    await this.page.getByTestId('ms-close-sprint-yes').click();
  }
}

/** The wall: read-only, large. */
export class MsWall {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<MsWall> {
    const page = await context.newPage();
    await page.goto(url);
    await visible(page.getByTestId('ms-projector'));
    return new MsWall(page);
  }

  phase(phase: string): Promise<void> {
    return visible(this.page.locator(`[data-testid="ms-projector"][data-phase="${phase}"]`));
  }

  side(city: string): Locator {
    return this.page.locator(`[data-testid="ms-wall-side"][data-city="${city}"]`);
  }
}

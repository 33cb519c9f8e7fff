import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Page objects of the Open Space board, by role. They drive the UI the way a person does
 * (drag by pointer, drag by keyboard, pick a slot from a list) and read what a screen shows.
 */

/** The grid chip of a topic (tray or cell), by its title. */
const chip = (page: Page, title: string): Locator =>
  page.getByTestId('grid-topic').filter({ hasText: title }).first();

/** A grid cell by its slot label and space name (data-label reads "Slot (hh:mm–hh:mm) · Space"). */
export const cell = (page: Page, slotLabel: string, space: string): Locator =>
  page.locator(
    `[data-testid="grid-cell"][data-label^="${slotLabel} ("][data-label$=" · ${space}"]`,
  );

const center = async (locator: Locator): Promise<{ x: number; y: number }> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Scrolls the page so that the element sits at the bottom of the screen (its last rows). */
export async function lowOnScreen(locator: Locator): Promise<void> {
  await locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    window.scrollBy(0, box.bottom - window.innerHeight + 16);
  });
}

/** Drags a topic by its handle with the mouse onto a cell. */
async function dragByPointer(page: Page, title: string, target: Locator): Promise<void> {
  const handle = chip(page, title).getByTestId('drag-handle');
  await handle.scrollIntoViewIfNeeded();
  const from = await center(handle);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  const to = await center(target);
  await page.mouse.move(to.x, to.y, { steps: 12 });
  // A hand lets go once the cell shows it will take the topic.
  await target.and(page.locator('.is-over')).waitFor({ timeout: 15_000 });
  await page.mouse.up();
}

/** The facilitator's console on a laptop. */
export class OsConsole {
  constructor(readonly page: Page) {}

  async step(phase: string): Promise<void> {
    await this.page.getByTestId(`step-${phase}`).click();
    await this.page.locator(`[data-testid="os-console"][data-phase="${phase}"]`).waitFor();
  }

  dragByPointer(title: string, target: Locator): Promise<void> {
    return dragByPointer(this.page, title, target);
  }

  async addSlot(label: string, start: string, end: string): Promise<void> {
    await this.page.getByTestId('slot-label').fill(label);
    await this.page.getByTestId('slot-start').fill(start);
    await this.page.getByTestId('slot-end').fill(end);
    await this.page.getByTestId('slot-add').click();
    await this.page.getByTestId('slot-list').getByText(label).waitFor();
  }

  async addSpace(name: string, capacity: number): Promise<void> {
    await this.page.getByTestId('space-name').fill(name);
    await this.page.getByTestId('space-capacity').fill(String(capacity));
    await this.page.getByTestId('space-add').click();
    await this.page.getByTestId('space-list').getByText(name).waitFor();
  }

  /**
   * dnd-kit's keyboard drag: focus the handle, Space picks up, arrows move from cell to
   * cell (towards the target, one key at a time), Space drops.
   */
  async dragByKeyboard(title: string, target: Locator): Promise<void> {
    const topic = chip(this.page, title);
    const id = await topic.getAttribute('data-topic');
    const moving = this.page.locator(`[data-testid="grid-topic"][data-topic="${id}"]`);
    await topic.getByTestId('drag-handle').focus();
    await this.page.keyboard.press('Space');
    for (let i = 0; i < 12; i++) {
      const [from, to] = [await center(moving), await center(target)];
      const [dx, dy] = [to.x - from.x, to.y - from.y];
      if (Math.abs(dx) < 20 && Math.abs(dy) < 20) break;
      if (Math.abs(dy) >= 20) await this.page.keyboard.press(dy > 0 ? 'ArrowDown' : 'ArrowUp');
      else await this.page.keyboard.press(dx > 0 ? 'ArrowRight' : 'ArrowLeft');
      await moved(moving, from);
    }
    await this.page.keyboard.press('Space');
  }

  /** The screen-reader announcements dnd-kit makes (its live region). */
  announcements(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]');
  }
}

/** Waits until the dragged topic has left where it was (dnd-kit animates each key step). */
async function moved(item: Locator, from: { x: number; y: number }): Promise<void> {
  await expect
    .poll(
      async () => {
        const now = await center(item);
        return Math.abs(now.x - from.x) + Math.abs(now.y - from.y);
      },
      { timeout: 3_000 },
    )
    .toBeGreaterThan(2)
    .catch(() => undefined); // at an edge of the grid a key moves nothing: go on
}

/** A participant's phone on an open-space board. */
export class OsPhone {
  constructor(readonly page: Page) {}

  board(): Locator {
    return this.page.getByTestId('os-board');
  }

  async waitForPhase(phase: string): Promise<void> {
    await this.page.locator(`[data-testid="os-board"][data-phase="${phase}"]`).waitFor();
  }

  async propose(title: string, description: string): Promise<void> {
    await this.page.getByTestId('topic-title').fill(title);
    await this.page.getByTestId('topic-description').fill(description);
    await this.page.getByTestId('topic-submit').click();
    await chip(this.page, title).waitFor();
  }

  /**
   * A finger's drag: press the handle and hold still until dnd-kit's TouchSensor picks the
   * topic up (it waits for a press delay, so a scrolling finger never drags), then move onto
   * the cell and lift. Real touch events through CDP, as a phone's browser sends them.
   */
  async dragByTouch(title: string, target: Locator): Promise<void> {
    const topic = chip(this.page, title);
    const handle = topic.getByTestId('drag-handle');
    await handle.scrollIntoViewIfNeeded();
    const from = await center(handle);
    const cdp = await this.page.context().newCDPSession(this.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    await touch('touchStart', from.x, from.y);
    await expect
      .poll(async () => {
        await touch('touchMove', from.x + 1, from.y);
        return topic.evaluate((el) => el.classList.contains('is-dragging'));
      })
      .toBe(true);
    const to = await center(target);
    for (let i = 1; i <= 12; i++)
      await touch(
        'touchMove',
        from.x + ((to.x - from.x) * i) / 12,
        from.y + ((to.y - from.y) * i) / 12,
      );
    // The finger lifts once the cell shows it will take the topic.
    await target.and(this.page.locator('.is-over')).waitFor({ timeout: 15_000 });
    await touch('touchEnd');
    await cdp.detach();
  }

  /** The non-drag way: choose a free slot from the list on the topic card itself. */
  async pickSlot(title: string, slotLabel: string, space: string): Promise<void> {
    const card = this.page.getByTestId('topic').filter({ hasText: title }).first();
    const select = card.getByTestId('slot-picker');
    const value = await select
      .locator('option')
      .filter({ hasText: `${slotLabel} (` })
      .filter({ hasText: `· ${space}` })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? '');
    await card.getByTestId('slot-picker-place').click();
  }

  /** A topic card in the lists (not the grid chip), by any text it shows. */
  topic(text: string): Locator {
    return this.page.getByTestId('topic').filter({ hasText: text }).first();
  }

  /** "Translate" on a topic card: the language the form offers first, a title and a text. */
  async translate(topicText: string, title: string, text: string): Promise<void> {
    const card = this.topic(topicText);
    await card.locator('.os-topic__translate > button').click();
    const form = card.locator('form.translate-form');
    await form.locator('input').fill(title);
    await form.getByTestId('translation-text').fill(text);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
  }

  async vote(title: string): Promise<void> {
    const card = this.page.getByTestId('topic').filter({ hasText: title }).first();
    const before = (await card.getByTestId('my-dots').textContent()) ?? '';
    await card.getByTestId('vote-add').click();
    await card.getByTestId('my-dots').filter({ hasNotText: before }).waitFor();
  }

  dotsLeft(): Locator {
    return this.page.getByTestId('dots-left');
  }

  /** The notes of a session in the "now" list. */
  notes(title: string): Locator {
    return this.page
      .getByTestId('now')
      .getByTestId('session')
      .filter({ hasText: title })
      .getByTestId('notes');
  }

  timer(): Locator {
    return this.page.getByTestId('timer');
  }
}

/** The projector on an open-space board. */
export class OsWall {
  constructor(readonly page: Page) {}

  async waitForPhase(phase: string): Promise<void> {
    await this.page.locator(`[data-testid="os-wall"][data-phase="${phase}"]`).waitFor();
  }

  topics(): Locator {
    return this.page.getByTestId('wall-topic');
  }

  timer(): Locator {
    return this.page.getByTestId('timer');
  }
}

import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The facilitator's laptop on an event: creates it, then runs it from the event console. */
export class EventConsole {
  private constructor(readonly page: Page) {}

  static async create(context: BrowserContext, baseUrl: string, title: string) {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('new-event-link').click();
    await page.getByTestId('event-create-title').fill(title);
    await page.getByTestId('event-create-submit').click();
    const read = async (id: string) =>
      (await page.getByTestId(id).textContent({ timeout: 15_000 }))?.trim() ?? '';
    const links = {
      url: await read('event-url'),
      projectorUrl: await read('event-projector-url'),
      consoleUrl: await read('event-console-url'),
    };
    await page.goto(links.consoleUrl);
    await page.getByTestId('event-title').waitFor({ timeout: 15_000 });
    return { console: new EventConsole(page), ...links };
  }

  /** A new board in the event; resolves with its room code once the console lists it. */
  async addBoard(title: string, kind: 'open-space' | 'match-sprint' = 'open-space') {
    const before = await this.boards().count();
    await this.page.getByTestId('event-board-title').fill(title);
    await this.page.getByTestId('event-board-kind').selectOption(kind);
    await this.page.getByTestId('event-board-create').click();
    await expect.poll(() => this.boards().count(), { timeout: 15_000 }).toBe(before + 1);
    const code = await this.boards().filter({ hasText: title }).getAttribute('data-code');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    return code ?? '';
  }

  async makeCurrent(code: string): Promise<void> {
    await this.page
      .locator(`[data-testid="console-board"][data-code="${code}"]`)
      .getByTestId('console-make-current')
      .click();
    await this.page
      .locator(`[data-testid="console-board"][data-code="${code}"] [data-testid="console-current"]`)
      .waitFor({ timeout: 15_000 });
  }

  boards(): Locator {
    return this.page.getByTestId('console-board');
  }

  /** Opens a board's console from the event (the event's key), then comes back. */
  async onBoard(code: string, work: (page: Page) => Promise<void>): Promise<void> {
    const back = this.page.url();
    await this.page
      .locator(`[data-testid="console-board"][data-code="${code}"]`)
      .getByRole('button', { name: 'Console' })
      .click();
    const name = this.page.getByTestId('join-name');
    await this.page
      .locator('[data-testid="join-name"], [data-testid="phase-select"]')
      .first()
      .waitFor();
    if (await name.isVisible()) {
      await name.fill('Facilitator');
      await this.page.getByTestId('join-submit').click();
    }
    await this.page.getByTestId('phase-select').waitFor({ timeout: 15_000 });
    await work(this.page);
    await this.page.goto(back);
    await this.page.getByTestId('event-title').waitFor({ timeout: 15_000 });
  }

  /** Carry forward: picks the boards, ticks the items by title, carries them by one rule. */
  async carry(from: string, to: string, rule: string, titles: string[]): Promise<string> {
    const panel = this.page.locator('.event-carry');
    // As a hand does: a board already chosen is not chosen again (that would empty the list).
    for (const [id, code] of [
      ['carry-from', from],
      ['carry-to', to],
    ] as const) {
      const select = panel.getByTestId(id);
      if ((await select.inputValue()) !== code) await select.selectOption(code);
    }
    const fieldset = panel.locator('fieldset', { hasText: rule });
    for (const title of titles)
      await fieldset.locator('label', { hasText: title }).getByTestId('carry-item').check();
    const outcome = panel.getByTestId('carry-outcome');
    const before = (await outcome.textContent()) ?? '';
    await fieldset.getByTestId('carry-submit').click();
    await expect.poll(async () => (await outcome.textContent()) ?? '').not.toBe(before);
    return (await outcome.textContent()) ?? '';
  }
}

/** A phone on the event page: sees what is on, opens a board. */
export class EventPhone {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<EventPhone> {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('event-title').waitFor({ timeout: 15_000 });
    return new EventPhone(page);
  }

  boards(): Locator {
    return this.page.getByTestId('event-board');
  }

  /** On a board: joined and live. */
  async online(): Promise<void> {
    await this.page
      .locator('[data-testid="connection-state"][data-state="online"]')
      .first()
      .waitFor({ timeout: 20_000 });
  }

  async openBoard(code: string): Promise<void> {
    await this.page
      .locator(`[data-testid="event-board"][data-code="${code}"]`)
      .getByTestId('event-board-open')
      .click();
    await this.page.waitForURL(`**/b/${code}`);
  }
}

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

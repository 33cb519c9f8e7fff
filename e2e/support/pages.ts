import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Retries until the locator shows the text (Playwright waits; vitest's expect does not). */
export async function seeText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

export interface CreatedBoard {
  code: string;
  participantUrl: string;
  projectorUrl: string;
  facilitatorUrl: string;
}

/** The facilitator on a laptop: creates the board, drives it. */
export class FacilitatorDesk {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, baseUrl: string): Promise<FacilitatorDesk> {
    const page = await context.newPage();
    await page.goto(baseUrl);
    return new FacilitatorDesk(page);
  }

  async createBoard(
    title: string,
    kind: 'open-space' | 'match-sprint' = 'open-space',
  ): Promise<CreatedBoard> {
    await this.page.getByTestId('create-title').fill(title);
    await this.page.getByTestId('create-kind').selectOption(kind);
    await this.page.getByTestId('create-submit').click();
    const read = async (id: string) =>
      (await this.page.getByTestId(id).textContent({ timeout: 15_000 }))?.trim() ?? '';
    const participantUrl = await read('participant-url');
    const board = {
      participantUrl,
      projectorUrl: await read('projector-url'),
      facilitatorUrl: await read('facilitator-url'),
      code: participantUrl.split('/').pop() ?? '',
    };
    expect(board.code).toMatch(/^[A-Z2-9]{6}$/);
    return board;
  }

  async enter(board: CreatedBoard, name = 'Facilitator'): Promise<void> {
    await this.page.goto(board.facilitatorUrl);
    const nameField = this.page.getByTestId('join-name');
    // Either the name form (first visit) or the board (a stored identity) comes up.
    await this.page
      .locator('[data-testid="join-name"], [data-testid="phase-select"]')
      .first()
      .waitFor({ timeout: 15_000 });
    if (await nameField.isVisible()) {
      await nameField.fill(name);
      await this.page.getByTestId('join-submit').click();
    }
    await this.page.getByTestId('phase-select').waitFor({ timeout: 15_000 });
  }

  async setPhase(phase: string): Promise<void> {
    await this.page.getByTestId('phase-select').selectOption(phase);
  }
}

/** A participant on a phone: joins by typing the room code, adds cards. */
export class ParticipantPhone {
  constructor(readonly page: Page) {}

  static async joinByCode(
    context: BrowserContext,
    baseUrl: string,
    code: string,
    name: string,
  ): Promise<ParticipantPhone> {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('join-code').fill(code.toLowerCase());
    await page.getByTestId('join-code-submit').click();
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-submit').click();
    const phone = new ParticipantPhone(page);
    await phone.online();
    return phone;
  }

  async online(): Promise<void> {
    await this.page
      .locator('[data-testid="connection-state"][data-state="online"]')
      .first()
      .waitFor({ timeout: 20_000 });
  }

  async addCard(text: string): Promise<void> {
    await this.page.getByTestId('card-input').fill(text);
    await this.page.getByTestId('card-submit').click();
  }

  cards(): Locator {
    return this.page.getByTestId('card');
  }
}

/** The wall screen: read-only, large, with the room code and QR code for late joiners. */
export class ProjectorWall {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<ProjectorWall> {
    const page = await context.newPage();
    await page.goto(url);
    return new ProjectorWall(page);
  }

  roomCode(): Locator {
    return this.page.getByTestId('room-code');
  }

  qrCode(): Locator {
    return this.page.getByTestId('qr-code');
  }

  cards(): Locator {
    return this.page.getByTestId('card');
  }
}

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { FacilitatorDesk, ParticipantPhone, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** The console's Team panel (docs/team.md), as a facilitator uses it. */
class TeamPanel {
  constructor(readonly page: Page) {}

  panel() {
    return this.page.getByTestId('team-panel');
  }

  /** Makes a named link; returns its URL as the panel shows it (copy or scan). */
  async createLink(name: string, role: 'co-host' | 'note-taker' | 'table-host'): Promise<string> {
    await this.page.getByTestId('team-name').fill(name);
    await this.page.getByTestId('team-role').selectOption(role);
    await this.page.getByTestId('team-submit').click();
    const created = this.page
      .getByTestId('team-created')
      .filter({ hasText: `Facilitator link for ${name}` });
    await created.waitFor({ timeout: 15_000 });
    return (await created.getByTestId('team-created-url').textContent())?.trim() ?? '';
  }

  async revoke(name: string): Promise<void> {
    const row = this.page.locator(`[data-testid="team-link"][data-name="${name}"]`);
    await row.getByRole('button', { name: `Revoke the link of ${name}` }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
  }

  /** The activity log, refreshed now rather than at its next poll. */
  async activity(): Promise<string> {
    await this.panel().getByRole('button', { name: 'Refresh' }).click();
    return (await this.page.getByTestId('team-activity').textContent()) ?? '';
  }
}

describe('the facilitation team, in real browsers', () => {
  it('an owner adds a co-host and a note-taker: actions are attributed, a narrower role is refused, revocation kicks out at once', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();

    const owner = await FacilitatorDesk.open(await newDevice(browser, 'projector'), server.url);
    const board = await owner.createBoard('Kyiv open space, day 2');
    await owner.enter(board, 'Olha');
    const ownerTeam = new TeamPanel(owner.page);
    const coHostUrl = await ownerTeam.createLink('Ola', 'co-host');
    const noteTakerUrl = await ownerTeam.createLink('Nina', 'note-taker');
    expect(coHostUrl).toContain(`/b/${board.code}/facilitate#key=`);

    // Their devices open the link they were given (a cheap first page: no app load twice).
    const blank = `${server.url}/healthz`;
    const coHost = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), blank);
    await coHost.enter({ ...board, facilitatorUrl: coHostUrl }, 'Ola');
    const noteTaker = await FacilitatorDesk.open(await newDevice(browser, 'phone'), blank);
    await noteTaker.enter({ ...board, facilitatorUrl: noteTakerUrl }, 'Nina');
    const phone = await ParticipantPhone.joinByCode(
      await newDevice(browser, 'phone'),
      server.url,
      board.code,
      'Petro',
    );

    // The owner opens the marketplace; the co-host's console says who did it.
    await owner.setPhase('marketplace');
    const coHostTeam = new TeamPanel(coHost.page);
    await expect
      .poll(() => coHostTeam.activity(), { timeout: 15_000 })
      .toContain('Olha (Owner) moved the board to Marketplace');
    // The note-taker may not move the phase: refused with the reason, nothing changes.
    await noteTaker.setPhase('voting');
    await seeText(noteTaker.page.locator('.toast'), 'does not allow that');
    await expect
      .poll(() => owner.page.getByTestId('phase-select').inputValue())
      .toBe('marketplace');
    // The co-host moves it; the owner sees it attributed to Ola.
    await coHost.setPhase('voting');
    await expect
      .poll(() => ownerTeam.activity(), { timeout: 15_000 })
      .toContain('Ola (Co-host) moved the board to Voting');
    await seeText(phone.page.locator('.phase'), 'Voting');
    await owner.page.getByTestId('team-panel').screenshot({ path: shotPath('team-panel-1080') });
    await noteTaker.page.screenshot({ path: shotPath('team-note-taker-390'), fullPage: true });

    // Revoked: the co-host's console ends at once, with the reason.
    await ownerTeam.revoke('Ola');
    await seeText(coHost.page.locator('h1, h2'), 'Your facilitator link was revoked', 10_000);
    await coHost.page.reload();
    // A whole page load and a refused join: on a loaded CI machine that can take over 15 s.
    await seeText(coHost.page.locator('h1, h2'), 'Facilitator link needed', 30_000);
  }, 240_000);
});

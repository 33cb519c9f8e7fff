import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { PHOTO_LIMITS } from '@twinspace/shared/boards/photos/layout';
import { FacilitatorDesk, ParticipantPhone, ProjectorWall, seeText } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** A real JPEG (Chromium's own encoding, 64x48), as a phone's gallery would hand it over. */
const PHOTO = fileURLToPath(new URL('../server/test/fixtures/photo.jpg', import.meta.url));
const GROUP = 'Table 1';

async function openGroup(page: Page, section: string, create: boolean, group = GROUP) {
  await page.getByTestId(section).locator('summary').first().click();
  await pickGroup(page, create, group);
}

/** In the open Top five panel: makes a new table (group) or picks one already there. */
async function pickGroup(page: Page, create: boolean, group: string): Promise<void> {
  const panel = page.getByTestId('tf-panel');
  if (create) {
    await panel.getByTestId('tf-new-group').fill(group);
    await panel.getByTestId('tf-new-group-submit').click();
  } else await panel.locator(`[data-testid="tf-group"][data-group="${group}"]`).click();
  await page.locator(`[data-testid="tf-panel"][data-group="${group}"]`).waitFor();
}

/** Every photo shown here has loaded (its image decoded, not a broken link). */
const loadedPhotos = (page: Page, scope = 'body') =>
  page
    .locator(`${scope} [data-testid="photo"] img`)
    .evaluateAll(
      (imgs) =>
        imgs.filter(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ).length,
    );

describe('photos of paper results', () => {
  it('a phone attaches a flipchart photo (also offline); the projector and another phone see it', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partnership workshop', 'open-space');
    await desk.enter(board);
    const wall = await ProjectorWall.open(
      await newDevice(browser, 'projector'),
      board.projectorUrl,
    );
    const annaDevice = await newDevice(browser, 'phone');
    const anna = (await ParticipantPhone.joinByCode(annaDevice, server.url, board.code, 'Anna'))
      .page;
    const piotr = (
      await ParticipantPhone.joinByCode(
        await newDevice(browser, 'phone'),
        server.url,
        board.code,
        'Piotr',
      )
    ).page;

    // Anna's table has a point; she photographs its flipchart from the gallery.
    await openGroup(anna, 'tf-section', true);
    await anna.getByTestId('tf-point-input').fill('Trust grows with small joint projects');
    await anna.getByTestId('tf-point-submit').click();
    await anna.getByTestId('tf-panel').getByTestId('photo-input').setInputFiles(PHOTO);
    await expect.poll(() => loadedPhotos(anna), { timeout: 15_000 }).toBe(1);

    // Piotr's phone shows it live, and the wall once the facilitator shows the Top five.
    await openGroup(piotr, 'tf-section', false);
    await expect.poll(() => loadedPhotos(piotr), { timeout: 15_000 }).toBe(1);
    await openGroup(desk.page, 'section-top-five', false);
    await desk.page.getByTestId('tf-show-wall').check();
    await expect
      .poll(() => loadedPhotos(wall.page, '[data-testid="tf-wall"]'), { timeout: 15_000 })
      .toBe(1);

    // Offline, the next photo waits on the phone, shown as waiting, and goes when the network is back.
    await annaDevice.setOffline(true);
    await anna.getByTestId('tf-panel').getByTestId('photo-input').setInputFiles(PHOTO);
    await anna.getByTestId('photo-pending').waitFor({ timeout: 15_000 });
    await annaDevice.setOffline(false);
    await anna.getByTestId('photo-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => loadedPhotos(piotr), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => loadedPhotos(wall.page, '[data-testid="tf-wall"]'), { timeout: 15_000 })
      .toBe(2);

    // Anna writes a caption under her first photo (as long as the rules allow); Piotr's phone and
    // the wall show it. Piotr, who did not take it, is offered no caption to write.
    expect(await piotr.getByTestId('photo-caption-edit').count()).toBe(0);
    const first = anna.getByTestId('tf-panel').getByTestId('photo').first();
    await first.getByTestId('photo-caption-edit').click();
    const input = first.getByTestId('photo-caption-input');
    expect(await input.getAttribute('maxlength')).toBe(String(PHOTO_LIMITS.caption));
    await input.fill('Table 1: trust first');
    const photos = anna.getByTestId('tf-panel').getByTestId('photos');
    await photos.screenshot({ path: shotPath('photos-caption-editing') });
    await first.getByTestId('photo-caption-save').click();
    await seeText(piotr.getByTestId('photo-caption'), 'Table 1: trust first');
    await seeText(wall.page.getByTestId('photo-caption'), 'Table 1: trust first');
    await photos.screenshot({ path: shotPath('photos-caption') });
    await anna.screenshot({ path: shotPath('photos-phone'), fullPage: true });
    await wall.page.screenshot({ path: shotPath('photos-wall-1920') });
  });

  it('a photo added offline goes when the network is back, with its view closed, and the board says it waits', async () => {
    const server = await startProduct();
    const browser = await launchBrowser();
    const desk = await FacilitatorDesk.open(await newDevice(browser, 'laptop'), server.url);
    const board = await desk.createBoard('Partnership workshop', 'open-space');
    await desk.enter(board);
    // A small phone: the notice must fit above the board (the screenshot is looked at).
    const phone = await newDevice(browser, 'phone', 'en-US', {
      viewport: { width: 360, height: 740 },
    });
    const anna = (await ParticipantPhone.joinByCode(phone, server.url, board.code, 'Anna')).page;
    // Online, a first table: the camera button's code downloads with its photo view.
    await openGroup(anna, 'tf-section', true, 'Warm-up');
    await anna.getByTestId('tf-point-input').fill('Names and cities');
    await anna.getByTestId('tf-point-submit').click();
    await anna.getByTestId('tf-panel').getByTestId('photo-input').waitFor({ state: 'attached' });

    // Offline, Anna starts her table, types its point and photographs the flipchart: the server
    // knows neither until the phone is back, so the photo must not overtake its point (else it is
    // refused for good as "bad-target"). Then she folds the Top five away (its photo view goes).
    await phone.setOffline(true);
    await pickGroup(anna, true, GROUP);
    await anna.getByTestId('tf-point-input').fill('Meet every month, online too');
    await anna.getByTestId('tf-point-submit').click();
    await anna.getByTestId('tf-panel').getByTestId('photo-input').setInputFiles(PHOTO);
    await anna.getByTestId('photo-pending').waitFor({ timeout: 15_000 });
    await anna.getByTestId('tf-section').locator('summary').first().click();
    await anna.getByTestId('tf-panel').waitFor({ state: 'detached' });
    expect(await anna.getByTestId('photos').count()).toBe(0);

    // The board says a photo waits on this phone.
    const waiting = anna.getByTestId('photos-waiting-count');
    await waiting.waitFor({ timeout: 15_000 });
    expect(await waiting.getAttribute('data-count')).toBe('1');
    expect(await waiting.textContent()).toContain('1 photo waiting to be sent');
    await anna.evaluate(() => window.scrollTo(0, 0));
    await anna.screenshot({ path: shotPath('photos-waiting-360') });

    // Back online it goes after its point, with no photo view open: the facilitator's console
    // shows it in the new table, and nothing was refused on the phone.
    await phone.setOffline(false);
    await anna.getByTestId('photos-waiting').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await anna.getByTestId('photos-failed-count').count()).toBe(0);
    await openGroup(desk.page, 'section-top-five', false);
    await expect.poll(() => loadedPhotos(desk.page), { timeout: 15_000 }).toBe(1);
    expect(await anna.getByTestId('photos').count()).toBe(0);
  });
});

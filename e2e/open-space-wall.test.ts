import { describe, expect, it } from 'vitest';
import { createEntity, EV, OS_ROOT } from '@twinspace/shared';
import { connectClient, createBoard } from '../server/test/harness.ts';
import { launchBrowser, newDevice, shotPath } from './support/browser.ts';
import { ProjectorWall } from './support/pages.ts';
import { startProduct } from './support/server.ts';

/** Topic titles of the length seed 002's open space had ("Innovative solutions for ..."). */
const TITLES = [
  'Innovative solutions for administrative service centres',
  'Cyber security in small municipalities',
  'Gender-sensitive public spaces',
  'Activating young people in communities',
  'Human resources of amalgamated communities',
  'Distance learning in the community',
  'Cooperation between municipalities',
  'Sustainable development plans',
  'Twin city youth exchange',
];

describe('Open Space projector at seed-002 scale and beyond', () => {
  it.each([
    { count: 45, minFontPx: 18 },
    { count: 80, minFontPx: 16 },
  ])(
    'shows $count topics on one 1920x1080 wall with the room code and QR code, without scrolling',
    async ({ count, minFontPx }) => {
      const server = await startProduct();
      const board = await createBoard(server.url, 'open-space', 'Innovations of communities');
      const facilitator = await connectClient(server.url, board.code, {
        role: 'facilitator',
        name: 'Facilitator',
        facilitatorToken: board.facilitatorToken,
      });
      await facilitator.socket.emitWithAck(EV.command, { type: 'set-phase', phase: 'marketplace' });
      // Conveners propose nine topics each (a participant may own ten).
      for (let p = 0; p * 9 < count; p++) {
        const convener = await connectClient(server.url, board.code, { name: `Convener ${p + 1}` });
        convener.doc.transact(() => {
          for (let i = 0; i < 9 && p * 9 + i < count; i++) {
            createEntity(
              convener.doc.getMap(OS_ROOT.topics),
              `topic${p}x${i}xx`,
              convener.participantId,
              {
                title: `${TITLES[i]} (${p * 9 + i + 1})`,
                convener: `Convener ${p + 1}`,
                language: 'en',
              },
            );
          }
        });
      }
      const browser = await launchBrowser();
      const wall = await ProjectorWall.open(
        await newDevice(browser, 'projector'),
        board.projectorUrl,
      );
      const topics = wall.page.getByTestId('wall-topic');
      await expect.poll(() => topics.count(), { timeout: 20_000 }).toBe(count);
      await wall.page.screenshot({ path: shotPath(`os-wall-${count}-topics-1920`) });
      const viewport = { width: 1920, height: 1080 };
      for (const box of await topics.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      )) {
        expect(box.bottom).toBeLessThanOrEqual(viewport.height);
        expect(box.right).toBeLessThanOrEqual(viewport.width);
      }
      const code = await wall.roomCode().boundingBox();
      expect(code && code.y + code.height).toBeLessThanOrEqual(viewport.height);
      await wall.qrCode().waitFor({ state: 'visible' });
      // Legible from the back of a room: titles are not shrunk below 18 px (16 px at 80).
      const fontPx = await topics
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(minFontPx);
    },
  );
});

// Venue Wi-Fi at its worst does not always drop: sometimes it stays connected and holds
// packets for longer than a command waits for its answer (10 s). The outbox keeps such a
// command and sends it again with the same key, so the phone learns the answer and the
// server counts it once, without waiting for a reconnect or another tap.
import { describe, expect, it } from 'vitest';
import { createEntity, EV, OS_ROOT } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
} from '../server/test/harness.ts';
import { launchBrowser, newDevice } from './support/browser.ts';
import { startProduct } from './support/server.ts';

describe('a slow answer (bad network)', () => {
  it('a dot whose answer came too late is settled on the phone, and counted once', async () => {
    const server = await startProduct();
    const board = await createBoard(server.url, 'open-space', 'Slow answers');
    const host = controlSocket(server.url);
    const hostJoin = { code: board.code, role: 'facilitator' as const, name: 'F' };
    await joinOver(host, { ...hostJoin, facilitatorToken: board.facilitatorToken });
    const setPhase = (phase: string): Promise<unknown> =>
      host.timeout(10_000).emitWithAck(EV.command, { type: 'set-phase', phase });
    expect(await setPhase('marketplace')).toEqual({ type: 'ok' });
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    const topics = witness.doc.getMap<{ get(k: string): unknown }>(OS_ROOT.topics);
    createEntity(topics as never, 'topicSlow01', witness.participantId, { title: 'Night buses' });
    await eventually(() => expect(topics.size).toBe(1));
    expect(await setPhase('voting')).toEqual({ type: 'ok' });

    const browser = await launchBrowser();
    const phone = await newDevice(browser, 'phone');
    // While `slow`, the server's answer to a dot (its Socket.IO ack) takes 11 s.
    let slow = false;
    let held = 0;
    const votes = new Set<string>();
    await phone.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((message) => {
        const vote = /^42(\d+)\["command",\{"type":"os-vote"/.exec(String(message));
        if (vote) votes.add(vote[1]!);
        upstream.send(message);
      });
      upstream.onMessage((message) => {
        const ack = /^43(\d+)\[/.exec(String(message));
        if (!slow || !ack || !votes.has(ack[1]!)) return ws.send(message);
        held++;
        setTimeout(() => ws.send(message), 11_000);
      });
    });
    const page = await phone.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    const card = page.getByTestId('topic').filter({ hasText: 'Night buses' }).first();
    await card.getByTestId('vote-add').waitFor();
    await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor();

    slow = true;
    await card.getByTestId('vote-add').click();
    await page.getByTestId('outbox-pending').waitFor();
    const counted = (): unknown =>
      [...topics.values()].find((t) => t.get('title') === 'Night buses')?.get('votes');
    await eventually(() => expect(held).toBe(1), 10_000);
    slow = false;
    await eventually(() => expect(counted()).toBe(1));
    // The phone learns its dot counted: nothing waits, the ballot shows it.
    await page.getByTestId('outbox-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('dots-left').filter({ hasText: '4 of 5' }).waitFor();
    await card.getByTestId('my-dots').filter({ hasText: 'Your dots: 1' }).waitFor();
    expect(counted()).toBe(1);
  });
});

// Venue Wi-Fi at its worst does not always drop: sometimes it stays connected and holds
// packets for longer than the phone waits for an answer (10 s). A command without its
// answer is sent again with the same key, so the phone learns the answer and the server
// counts it once; a rejoin without its answer (after the control socket reconnected) is
// tried again, or every later command waits for a reconnect that may never come.
import { describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
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

describe('slow answers (bad network)', () => {
  it('a late answer to a dot, then to a rejoin: the phone settles, dots count once', async () => {
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
    for (const [id, title] of [
      ['topicSlow01', 'Night buses'],
      ['topicSlow02', 'Bike lanes'],
    ])
      createEntity(topics as never, id!, witness.participantId, { title });
    await eventually(() => expect(topics.size).toBe(2));
    expect(await setPhase('voting')).toEqual({ type: 'ok' });

    const browser = await launchBrowser();
    const phone = await newDevice(browser, 'phone');
    // The server's answers (Socket.IO acks) to the messages `slow` names take 11 s.
    let slow: RegExp | null = null;
    let held = 0;
    const sockets: WebSocketRoute[] = [];
    await phone.routeWebSocket(/\/socket\.io\//, (ws) => {
      sockets.push(ws);
      const asked = new Set<string>();
      const upstream = ws.connectToServer();
      ws.onMessage((message) => {
        const id = /^42(\d+)\[/.exec(String(message))?.[1];
        if (id && slow?.test(String(message))) asked.add(id);
        upstream.send(message);
      });
      upstream.onMessage((message) => {
        const id = /^43(\d+)\[/.exec(String(message))?.[1];
        if (!slow || !id || !asked.has(id)) return ws.send(message);
        held++;
        setTimeout(() => ws.send(message), 11_000);
      });
    });
    const page = await phone.newPage();
    await page.goto(`${server.url}/b/${board.code}`);
    await page.getByTestId('join-name').fill('Olena');
    await page.getByTestId('join-submit').click();
    const card = (title: string) => page.getByTestId('topic').filter({ hasText: title }).first();
    await card('Night buses').getByTestId('vote-add').waitFor();
    await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor();
    const counted = (title: string): unknown =>
      [...topics.values()].find((t) => t.get('title') === title)?.get('votes');

    // A dot whose answer comes after the phone stopped waiting for it.
    slow = /^42\d+\["command",\{"type":"os-vote"/;
    await card('Night buses').getByTestId('vote-add').click();
    await page.getByTestId('outbox-pending').waitFor();
    await eventually(() => expect(held).toBe(1), 10_000);
    slow = null;
    await eventually(() => expect(counted('Night buses')).toBe(1));
    // The phone learns its dot counted: nothing waits, the ballot shows it.
    await page.getByTestId('outbox-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('dots-left').filter({ hasText: '4 of 5' }).waitFor();
    await card('Night buses').getByTestId('my-dots').filter({ hasText: 'Your dots: 1' }).waitFor();
    expect(counted('Night buses')).toBe(1);

    // The control socket drops and reconnects; the answer to its rejoin comes late.
    slow = /^42\d+\["join"/;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1001 });
    await eventually(() => expect(held).toBe(2), 20_000);
    // Reconnected but not joined again: the badge does not say "online" while a dot would wait.
    const badge = page.getByTestId('connection-state');
    expect(await badge.getAttribute('data-state')).not.toBe('online');
    await card('Bike lanes').getByTestId('vote-add').click();
    slow = null;
    await eventually(() => expect(counted('Bike lanes')).toBe(1), 40_000);
    await page.getByTestId('outbox-pending').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('dots-left').filter({ hasText: '3 of 5' }).waitFor();
    await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor();
  });
});

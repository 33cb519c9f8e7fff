import { describe, expect, it } from 'vitest';
import { createEntity, EV, OS_ROOT, readTopics, type PresenceAggregate } from '@twinspace/shared';
import { connectClient, createBoard, eventually } from './harness.ts';
import { part, send } from './open-space-helpers.ts';
import { startCluster } from './redis-cluster.ts';

describe('scale-out: decisions are arbitrated across processes', () => {
  it('two phones on two processes dropping on one cell: exactly one wins, every time', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url, 'open-space', 'Twin conference');
    const facilitator = await connectClient(a.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const cells: { slotId: string; spaceId: string }[] = [];
    facilitator.doc.transact(() => {
      for (let i = 0; i < 3; i++) {
        const slotId = `slot0000${i}`;
        const spaceId = `space000${i}`;
        createEntity(part(facilitator, OS_ROOT.slots), slotId, facilitator.participantId, {
          label: `Round ${i}`,
          order: i,
        });
        createEntity(part(facilitator, OS_ROOT.spaces), spaceId, facilitator.participantId, {
          name: `Room ${i}`,
          capacity: 10,
          order: i,
        });
      }
    });
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) cells.push({ slotId: `slot0000${i}`, spaceId: `space000${j}` });
    expect(await send(facilitator, { type: 'set-phase', phase: 'marketplace' })).toEqual({
      type: 'ok',
    });
    const ana = await connectClient(a.url, board.code, { name: 'Ana' });
    const bo = await connectClient(b.url, board.code, { name: 'Bo' });
    const anaTopics = cells.map((_, i) => `topicANA00${i}`);
    const boTopics = cells.map((_, i) => `topicBO000${i}`);
    for (const [client, ids] of [
      [ana, anaTopics],
      [bo, boTopics],
    ] as const) {
      for (const id of ids)
        createEntity(part(client, OS_ROOT.topics), id, client.participantId, { title: id });
    }
    await eventually(() => {
      expect(readTopics(ana.doc)).toHaveLength(cells.length * 2);
      expect(readTopics(bo.doc)).toHaveLength(cells.length * 2);
    });
    for (const [i, cell] of cells.entries()) {
      const results = await Promise.all([
        send(ana, { type: 'os-place', topicId: anaTopics[i]!, ...cell }),
        send(bo, { type: 'os-place', topicId: boTopics[i]!, ...cell }),
      ]);
      expect(results.map((r) => r.type).sort()).toEqual(['ok', 'refused']);
    }
    await eventually(() => {
      const placed = readTopics(facilitator.doc).filter((t) => t.slot !== null);
      expect(placed).toHaveLength(cells.length);
      expect(new Set(placed.map((t) => `${t.slot}/${t.space}`)).size).toBe(cells.length);
    });
  });
});

describe('scale-out: presence is merged across processes', () => {
  it('a phone on one process sees who is on the other', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url, 'open-space', 'Two cities');
    const ana = await connectClient(a.url, board.code, { name: 'Ana' });
    await connectClient(b.url, board.code, { name: 'Bo' });
    await connectClient(b.url, board.code, { role: 'projector' });
    const seen: PresenceAggregate[] = [];
    ana.socket.on(EV.presence, (p) => seen.push(p));
    await eventually(() => {
      const last = seen.at(-1);
      expect(last?.online).toEqual({ facilitator: 0, participant: 2, projector: 1 });
      expect(last?.people.map((p) => p.name).sort()).toEqual(['Ana', 'Bo']);
    }, 15_000);
  });
});

describe('scale-out: awareness crosses processes', () => {
  it('a y-websocket client on one process sees the awareness of one on the other, and its departure', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url, 'open-space', 'Cursors');
    const ana = await connectClient(a.url, board.code, { name: 'Ana' });
    const bo = await connectClient(b.url, board.code, { name: 'Bo' });
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana', typing: true });
    await eventually(() =>
      expect(bo.provider.awareness.getStates().get(ana.doc.clientID)).toMatchObject({
        user: { name: 'Ana' },
      }),
    );
    ana.close();
    await eventually(() =>
      expect(bo.provider.awareness.getStates().has(ana.doc.clientID)).toBe(false),
    );
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, OS_ROOT, readBallots, readTopics } from '@twinspace/shared';
import { updateFrame } from '../src/rooms/frames.ts';
import { controlSocket, eventually, joinOver, rawSocket } from './harness.ts';
import { openSpace, part, propose, send, voteId } from './open-space-helpers.ts';

const cells = (doc: Y.Doc) => readTopics(doc).map((t) => [t.id, t.slot, t.space]);

describe('Open Space: phases and placement, enforced by the server', () => {
  it('refuses a raw topic creation out of phase and accepts it in the marketplace', async () => {
    const os = await openSpace({ phase: 'voting' });
    const socket = controlSocket(os.server.url);
    const joined = await joinOver(socket, {
      code: os.board.code,
      role: 'participant',
      name: 'Mallory',
    });
    if (joined.type !== 'joined') throw new Error('join failed');
    const ws = await rawSocket(os.server.url, os.board.code, joined.ticket);
    const replies: Buffer[] = [];
    ws.on('message', (data: Buffer) => replies.push(data));
    const craft = (id: string): Uint8Array => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(os.facilitator.doc));
      const before = Y.encodeStateVector(doc);
      createEntity(doc.getMap(OS_ROOT.topics), id, joined.participantId, { title: 'Late topic' });
      return Y.encodeStateAsUpdate(doc, before);
    };
    ws.send(updateFrame(craft('topicLATE01')));
    await eventually(() =>
      expect(replies.filter((r) => r[0] === 2).map((r) => r.toString('latin1'))).toEqual([
        expect.stringContaining('wrong-phase'),
      ]),
    );
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'marketplace' })).toEqual({
      type: 'ok',
    });
    const ana = await os.join('Ana');
    await propose(ana, 'topicANA001', 'Twin-city youth exchange', os.facilitator);
    expect(part(os.facilitator, OS_ROOT.topics).has('topicLATE01')).toBe(false);
  });

  it('lets a convener place only their own topic, only in the marketplace', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const [ana, bo] = [await os.join('Ana'), await os.join('Bo')];
    await propose(ana, 'topicANA001', 'Ana topic', os.facilitator);
    const cell = { topicId: 'topicANA001', slotId: os.slots[0]!, spaceId: os.spaces[0]! };
    expect(await send(bo, { type: 'os-place', ...cell })).toMatchObject({
      type: 'refused',
      reason: 'not-owner',
    });
    expect(await send(ana, { type: 'os-place', ...cell })).toEqual({ type: 'ok' });
    await eventually(() =>
      expect(cells(bo.doc)).toEqual([['topicANA001', os.slots[0], os.spaces[0]]]),
    );
    // The server made the session's notes when it placed the topic.
    expect(part(bo, OS_ROOT.topics).get('topicANA001')?.get('notes')).toBeInstanceOf(Y.Text);
    // A raw write of the placement field is refused: only the command places.
    part(bo, OS_ROOT.topics).get('topicANA001')!.set('slot', os.slots[1]!);
    await eventually(() =>
      expect(bo.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });
    const moved = { ...cell, slotId: os.slots[1]! };
    expect(await send(ana, { type: 'os-place', ...moved })).toMatchObject({
      type: 'refused',
      reason: 'wrong-phase',
    });
    expect(await send(os.facilitator, { type: 'os-place', ...moved })).toEqual({ type: 'ok' });
    await eventually(() =>
      expect(cells(ana.doc)).toEqual([['topicANA001', os.slots[1], os.spaces[0]]]),
    );
  });

  it('resolves two drops on one cell: exactly one wins and both phones see the same grid', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const [ana, bo] = [await os.join('Ana'), await os.join('Bo')];
    await propose(ana, 'topicANA001', 'Ana topic', bo);
    await propose(bo, 'topicBO0001', 'Bo topic', ana);
    const target = { slotId: os.slots[0]!, spaceId: os.spaces[1]! };
    const results = await Promise.all([
      send(ana, { type: 'os-place', topicId: 'topicANA001', ...target }),
      send(bo, { type: 'os-place', topicId: 'topicBO0001', ...target }),
    ]);
    expect(results.filter((r) => r.type === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.type === 'refused' && r.reason === 'cell-taken')).toHaveLength(
      1,
    );
    const winner = results[0].type === 'ok' ? 'topicANA001' : 'topicBO0001';
    for (const client of [ana, bo, os.facilitator]) {
      await eventually(() =>
        expect(
          readTopics(client.doc)
            .filter((t) => t.slot !== null)
            .map((t) => t.id),
        ).toEqual([winner]),
      );
    }
    expect(cells(ana.doc)).toEqual(cells(bo.doc));
    // The facilitator dropping on a taken cell swaps: the loser goes in, the winner goes out.
    const loser = winner === 'topicANA001' ? 'topicBO0001' : 'topicANA001';
    expect(await send(os.facilitator, { type: 'os-place', topicId: loser, ...target })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readTopics(bo.doc).map((t) => [t.id, t.slot])).toEqual(
        expect.arrayContaining([
          [loser, os.slots[0]],
          [winner, null],
        ]),
      ),
    );
  });
});

describe('Open Space: votes against a budget', () => {
  async function voting(settings: Record<string, unknown>) {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    for (const [id, title] of [
      ['topic00001', 'One'],
      ['topic00002', 'Two'],
      ['topic00003', 'Three'],
    ] as const) {
      await propose(ana, id, title, os.facilitator);
    }
    const s = os.facilitator.doc.getMap(OS_ROOT.settings);
    os.facilitator.doc.transact(() => Object.entries(settings).forEach(([k, v]) => s.set(k, v)));
    await eventually(() => expect(ana.doc.getMap(OS_ROOT.settings).toJSON()).toEqual(settings));
    return { ...os, ana };
  }

  it('refuses votes out of phase, over budget, on one topic twice without multi-dot, and replays', async () => {
    const os = await voting({ voteBudget: 2, multiDot: false });
    const vote = (topicId: string, id = voteId()) =>
      send(os.ana, { type: 'os-vote', voteId: id, topicId, delta: 1 });
    expect(await vote('topic00001')).toMatchObject({ type: 'refused', reason: 'wrong-phase' });
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });
    const first = voteId();
    expect(await vote('topic00001', first)).toMatchObject({
      type: 'ok',
      data: { ballot: { used: 1, remaining: 1 } },
    });
    expect(await vote('topic00001', first)).toMatchObject({
      type: 'refused',
      reason: 'duplicate',
      data: { ballot: { dots: { topic00001: 1 }, remaining: 1 } },
    });
    expect(await vote('topic00001')).toMatchObject({ type: 'refused', reason: 'limit-reached' });
    expect(await vote('topic00002')).toMatchObject({
      type: 'ok',
      data: { ballot: { remaining: 0 } },
    });
    expect(await vote('topic00003')).toMatchObject({ type: 'refused', reason: 'over-budget' });
    // Votes are visible on this board: the tallies and the ballot are public.
    await eventually(() =>
      expect(readTopics(os.facilitator.doc).map((t) => t.votes)).toEqual([1, 1, 0]),
    );
    expect(readBallots(os.facilitator.doc).get(os.ana.participantId)).toEqual({
      topic00001: 1,
      topic00002: 1,
    });
    // Taking a dot back frees it.
    expect(
      await send(os.ana, { type: 'os-vote', voteId: voteId(), topicId: 'topic00002', delta: -1 }),
    ).toMatchObject({
      type: 'ok',
      data: { ballot: { remaining: 1 } },
    });
    expect(await send(os.ana, { type: 'os-my-ballot' })).toMatchObject({
      data: { ballot: { dots: { topic00001: 1 } } },
    });
  });

  it('refuses a forged ballot or tally written into the document', async () => {
    const os = await voting({ voteBudget: 5 });
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });
    part(os.ana, OS_ROOT.topics).get('topic00001')!.set('votes', 99);
    await eventually(() =>
      expect(os.ana.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    const bo = await os.join('Bo');
    createEntity(part(bo, OS_ROOT.ballots), bo.participantId, bo.participantId, {
      dots: { topic00001: 50 },
    });
    await eventually(() =>
      expect(bo.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    expect(
      await send(bo, { type: 'os-vote', voteId: voteId(), topicId: 'topic00001', delta: 1 }),
    ).toMatchObject({ type: 'ok' });
    await eventually(() => expect(readTopics(os.facilitator.doc)[0]!.votes).toBe(1));
  });

  it('refuses a topic or a vote under a name every object has: the room stays up (R6, R12)', async () => {
    const os = await voting({ voteBudget: 5 });
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });
    const closed: number[] = [];
    os.facilitator.provider.ws?.addEventListener('close', (e) => closed.push(e.code));
    for (const topicId of ['constructor', '__proto__', 'toString'])
      for (const delta of [-1, 1] as const)
        expect(
          await send(os.ana, { type: 'os-vote', voteId: voteId(), topicId, delta }),
        ).toMatchObject({ type: 'refused', reason: 'bad-request' });
    expect(
      await send(os.ana, { type: 'os-vote', voteId: voteId(), topicId: 'topic00001', delta: 1 }),
    ).toMatchObject({ type: 'ok', data: { ballot: { used: 1 } } });
    expect(closed).toEqual([]);
    await eventually(() => expect(readTopics(os.facilitator.doc)[0]!.votes).toBe(1));
  });

  it('keeps hidden votes out of the document until the facilitator reveals them', async () => {
    const os = await voting({ voteBudget: 3, multiDot: true, hideVotes: true });
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });
    for (let i = 0; i < 3; i++) {
      expect(
        await send(os.ana, { type: 'os-vote', voteId: voteId(), topicId: 'topic00002', delta: 1 }),
      ).toMatchObject({ type: 'ok' });
    }
    // The ballot exists (sealed), but nothing in any copy of the document says what it holds.
    await eventually(() =>
      expect(part(os.facilitator, OS_ROOT.ballots).has(os.ana.participantId)).toBe(true),
    );
    const everything = JSON.stringify(os.facilitator.doc.toJSON());
    expect(everything).not.toContain('topic00002":3');
    expect(readBallots(os.facilitator.doc).size).toBe(0);
    expect(readTopics(os.facilitator.doc).map((t) => t.votes)).toEqual([null, null, null]);
    // The voter still sees their own dots, e.g. after a reconnect.
    expect(await send(os.ana, { type: 'os-my-ballot' })).toEqual({
      type: 'ok',
      data: {
        type: 'os-ballot',
        ballot: { dots: { topic00002: 3 }, used: 3, budget: 3, remaining: 0, multiDot: true },
      },
    });
    expect(await send(os.ana, { type: 'os-reveal-votes' })).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    expect(await send(os.facilitator, { type: 'os-reveal-votes' })).toEqual({ type: 'ok' });
    await eventually(() => expect(readTopics(os.ana.doc).map((t) => t.votes)).toEqual([0, 3, 0]));
    expect(readBallots(os.ana.doc).get(os.ana.participantId)).toEqual({ topic00002: 3 });
  });
});

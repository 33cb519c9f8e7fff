import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QA_LIMITS, QA_ROOT, readQaSettings, readQuestions, type QaReply } from '@twinspace/shared';
import { eventually, type TestClient } from './harness.ts';
import { send } from './open-space-helpers.ts';
import { plenary, refusedUnchanged, writesRefused } from './plenary-helpers.ts';

const mine = async (client: TestClient): Promise<QaReply> => {
  const result = await send(client, { type: 'qa-private' });
  if (result.type !== 'ok' || result.data?.type !== 'qa-private') throw new Error('no view');
  return result.data;
};

describe('Q&A (SPEC R27)', () => {
  it('upvotes once per person, taken back once; the wall sorts by votes', async () => {
    const { facilitator, ana, bo, projector, serverDoc } = await plenary();
    expect(
      await send(ana, { type: 'qa-ask', text: 'When is lunch?', anonymous: false }),
    ).toMatchObject({ type: 'ok' });
    expect(
      await send(bo, { type: 'qa-ask', text: 'Who funds the joint projects?', anonymous: true }),
    ).toMatchObject({ type: 'ok' });
    await eventually(() => expect(readQuestions(projector.doc)).toHaveLength(2));
    const funds = readQuestions(projector.doc).find((q) => q.text.startsWith('Who'))!;
    expect(funds.name).toBe('');
    expect(readQuestions(projector.doc).find((q) => q.text.startsWith('When'))!.name).toBe('Ana');
    for (const voter of [ana, ana, facilitator]) {
      expect(await send(voter, { type: 'qa-vote', questionId: funds.id, on: true })).toMatchObject({
        type: 'ok',
      });
    }
    await eventually(() =>
      expect(readQuestions(projector.doc)[0]).toMatchObject({ id: funds.id, votes: 2 }),
    );
    // Ana's second upvote changed nothing at all.
    const before = Y.encodeStateVector(serverDoc());
    expect(await send(ana, { type: 'qa-vote', questionId: funds.id, on: true })).toMatchObject({
      type: 'ok',
    });
    expect(Y.encodeStateVector(serverDoc())).toEqual(before);
    expect((await mine(ana)).voted).toEqual([funds.id]);
    expect(await send(ana, { type: 'qa-vote', questionId: funds.id, on: false })).toMatchObject({
      type: 'ok',
    });
    expect(await send(ana, { type: 'qa-vote', questionId: funds.id, on: false })).toMatchObject({
      type: 'ok',
    });
    await eventually(() => expect(readQuestions(projector.doc)[0]?.votes).toBe(1));
    // Who upvoted and who asked anonymously are nowhere in the document.
    const json = JSON.stringify({ ...projector.doc.toJSON(), people: null, _clients: null });
    expect(json).not.toContain(bo.participantId);
    expect(json).not.toContain(ana.participantId);
    // A projector votes or asks; a participant moderates; nobody upvotes what does not exist.
    await refusedUnchanged(
      serverDoc,
      projector,
      { type: 'qa-vote', questionId: funds.id, on: true },
      'read-only-role',
    );
    await refusedUnchanged(
      serverDoc,
      projector,
      { type: 'qa-ask', text: 'Hi', anonymous: false },
      'read-only-role',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'qa-moderate', questionId: funds.id, action: 'answered' },
      'not-allowed',
    );
    await refusedUnchanged(serverDoc, bo, { type: 'qa-settings', wall: true }, 'not-allowed');
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'qa-vote', questionId: 'nothing001', on: true },
      'not-found',
    );
    // Only its author withdraws a question, anonymous or not.
    await refusedUnchanged(
      serverDoc,
      ana,
      { type: 'qa-withdraw', questionId: funds.id },
      'not-owner',
    );
    expect(await send(bo, { type: 'qa-withdraw', questionId: funds.id })).toMatchObject({
      type: 'ok',
    });
    await eventually(() =>
      expect(readQuestions(projector.doc).map((q) => q.text)).toEqual(['When is lunch?']),
    );
  });

  it('with approval required, a waiting question is seen only by the facilitator and its author', async () => {
    const { facilitator, ana, bo, projector, serverDoc } = await plenary('match-sprint');
    expect(await send(facilitator, { type: 'qa-settings', requireApproval: true })).toEqual({
      type: 'ok',
    });
    const secret = 'Is the mayor really coming?';
    const asked = await send(ana, { type: 'qa-ask', text: secret, anonymous: true });
    expect(asked).toMatchObject({
      type: 'ok',
      data: { type: 'qa-private', pending: [{ text: secret, mine: true }] },
    });
    await eventually(() => expect(projector.doc.getMap(QA_ROOT.sealed).size).toBe(1));
    // A plain Yjs client (the projector holds the whole document) cannot read it.
    expect(JSON.stringify(projector.doc.toJSON())).not.toContain('mayor');
    expect(readQuestions(projector.doc)).toEqual([]);
    expect((await mine(bo)).pending).toEqual([]);
    const waiting = (await mine(facilitator)).pending;
    expect(waiting).toMatchObject([{ text: secret, name: '', mine: false }]);
    // Nobody upvotes a question that is not approved; only the facilitator approves.
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'qa-vote', questionId: waiting[0]!.id, on: true },
      'not-found',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'qa-moderate', questionId: waiting[0]!.id, action: 'approve' },
      'not-allowed',
    );
    expect(
      await send(facilitator, {
        type: 'qa-moderate',
        questionId: waiting[0]!.id,
        action: 'approve',
      }),
    ).toEqual({ type: 'ok' });
    await refusedUnchanged(
      serverDoc,
      facilitator,
      { type: 'qa-moderate', questionId: waiting[0]!.id, action: 'approve' },
      'duplicate',
    );
    await eventually(() =>
      expect(readQuestions(projector.doc)).toMatchObject([{ text: secret, name: '' }]),
    );
    // Answered, and on the wall.
    const id = waiting[0]!.id;
    expect(await send(facilitator, { type: 'qa-settings', wall: true, shown: id })).toEqual({
      type: 'ok',
    });
    expect(
      await send(facilitator, { type: 'qa-moderate', questionId: id, action: 'answered' }),
    ).toEqual({ type: 'ok' });
    await eventually(() => {
      expect(readQaSettings(projector.doc)).toEqual({
        requireApproval: true,
        wall: true,
        shown: id,
      });
      expect(readQuestions(projector.doc)[0]?.answered).toBe(true);
    });
  });

  it('limits: questions per person and their length, refused with their reasons', async () => {
    const { ana, serverDoc } = await plenary();
    for (let i = 0; i < QA_LIMITS.perPerson; i++)
      expect(
        await send(ana, { type: 'qa-ask', text: `Question ${i}`, anonymous: false }),
      ).toMatchObject({ type: 'ok' });
    await refusedUnchanged(
      serverDoc,
      ana,
      { type: 'qa-ask', text: 'One more', anonymous: false },
      'limit-reached',
    );
    const { bo, serverDoc: other } = await plenary();
    await refusedUnchanged(
      other,
      bo,
      { type: 'qa-ask', text: 'x'.repeat(QA_LIMITS.text + 1), anonymous: false },
      'too-long',
    );
    await refusedUnchanged(
      other,
      bo,
      { type: 'qa-ask', text: '   ', anonymous: false },
      'bad-value',
    );
  });

  it('a Yjs update that writes questions, votes or settings directly is refused', async () => {
    const room = await plenary();
    const { ana, serverDoc } = room;
    expect(
      await send(ana, { type: 'qa-ask', text: 'Real question', anonymous: false }),
    ).toMatchObject({ type: 'ok' });
    await eventually(() => expect(readQuestions(ana.doc)).toHaveLength(1));
    const id = readQuestions(ana.doc)[0]!.id;
    const attacks: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getMap<Y.Map<unknown>>(QA_ROOT.questions).get(id)!.set('votes', 1000),
      (doc) => doc.getMap<Y.Map<unknown>>(QA_ROOT.questions).delete(id),
      (doc) => {
        const vote = new Y.Map<unknown>();
        vote.set('q', id);
        doc.getMap(QA_ROOT.votes).set('forgedvote1', vote);
      },
      (doc) => doc.getMap(QA_ROOT.settings).set('requireApproval', false),
    ];
    await writesRefused(room, attacks);
    expect(readQuestions(serverDoc())).toMatchObject([{ id, votes: 0 }]);
  });

  it('an anonymous board holds no asker’s name: switched on, and for questions asked since (R25)', async () => {
    const { facilitator, ana, bo, serverDoc } = await plenary();
    const ask = (c: TestClient, text: string) =>
      send(c, { type: 'qa-ask', text, anonymous: false });
    expect(await ask(ana, 'Before')).toMatchObject({ type: 'ok' });
    await eventually(() => expect(readQuestions(serverDoc())).toMatchObject([{ name: 'Ana' }]));
    const on = { type: 'mod-settings', anonymous: true } as const;
    expect(await send(facilitator, on)).toEqual({ type: 'ok' });
    expect(await ask(bo, 'After')).toMatchObject({ type: 'ok' });
    await eventually(() => expect(readQuestions(serverDoc())).toHaveLength(2));
    expect(readQuestions(serverDoc()).map((q) => q.name)).toEqual(['', '']);
  });

  it('a participant who deletes their data takes their name off their questions, or the questions (R29)', async () => {
    const { facilitator, ana, bo, projector } = await plenary();
    for (const [who, text] of [
      [ana, 'When is lunch?'],
      [bo, 'Who funds the joint projects?'],
    ] as const)
      expect(await send(who, { type: 'qa-ask', text, anonymous: false })).toMatchObject({
        type: 'ok',
      });
    await eventually(() => expect(readQuestions(projector.doc)).toHaveLength(2));
    const byText = (start: string) =>
      readQuestions(projector.doc).find((q) => q.text.startsWith(start));

    // Ana keeps her question, without her name: on the wall and in what the server keeps.
    expect(await send(ana, { type: 'erase-my-data', content: 'keep', confirm: true })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(byText('When')?.name).toBe(''));
    expect(byText('Who')?.name).toBe('Bo');
    const pendingNames = (await mine(facilitator)).pending.map((q) => q.name);
    expect(pendingNames).not.toContain('Ana');
    // Bo takes his off the board.
    expect(await send(bo, { type: 'erase-my-data', content: 'remove', confirm: true })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(byText('Who')).toBeUndefined());
    expect(byText('When')).toBeDefined();
  });
});

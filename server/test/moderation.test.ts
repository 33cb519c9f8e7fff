import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEntity,
  OS_ROOT,
  readPeople,
  readTombstones,
  translationTarget,
  TRANSLATIONS_ROOT,
  WS_CLOSE,
  type Command,
} from '@twinspace/shared';
import { connectClient, controlSocket, eventually, joinOver, rawSocket } from './harness.ts';
import { expectDenied, holds, hostile, stored, topicUpdate } from './moderation-helpers.ts';
import { openSpace, part, propose, send } from './open-space-helpers.ts';

const SECRET = 'Secret plans of Mallory';

describe('moderation: hide, restore, remove (SPEC R22)', () => {
  it('refuses hide as a participant command, and leaves the board and the store as they were', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    await propose(ana, 'topicANA001', 'Ana topic', os.facilitator);
    const before = stored(os.server, os.board.code);
    const cmd = { type: 'mod-hide', part: OS_ROOT.topics, id: 'topicANA001' } as const;
    expect(await send(ana, cmd)).toMatchObject({ type: 'refused', reason: 'not-allowed' });
    expect(stored(os.server, os.board.code)).toEqual(before);
  });

  it('takes hidden content out of the shared document, refuses it back by Yjs, restores it', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const bo = await os.join('Bo');
    const mallory = await hostile(os.server, os.board.code, 'Mallory');
    const me = mallory.joined.participantId;
    const created = topicUpdate(os.facilitator.doc, me, 'topicMAL001', SECRET);
    mallory.send(created);
    await eventually(() => expect(part(bo, OS_ROOT.topics).has('topicMAL001')).toBe(true));

    const hide = { type: 'mod-hide', part: OS_ROOT.topics, id: 'topicMAL001' } as const;
    expect(await send(os.facilitator, hide)).toEqual({ type: 'ok' });
    await eventually(() => expect(part(bo, OS_ROOT.topics).has('topicMAL001')).toBe(false));
    expect(readTombstones(bo.doc)).toMatchObject([{ owner: me, state: 'hidden' }]);
    // A participant who loads the board now receives nothing of it, not even sealed text.
    const late = await os.join('Late');
    expect(holds(late.doc, SECRET)).toBe(false);
    expect(holds(os.server.registry.peek(os.board.code)!.doc, SECRET)).toBe(false);

    // The same id again, from a fresh clientID (as a device replaying its edit): refused.
    const before = stored(os.server, os.board.code);
    mallory.send(topicUpdate(late.doc, me, 'topicMAL001', SECRET));
    await eventually(() => expectDenied(mallory, 1));
    expect(mallory.denied[0]).toContain('not-allowed');
    // The old update itself changes nothing: its item is deleted already.
    mallory.send(created);
    await mallory.handled();
    expect(mallory.denied).toHaveLength(1);
    expect(stored(os.server, os.board.code)).toEqual(before);
    const probe = await send(os.facilitator, { type: 'mod-list' });

    expect(probe).toMatchObject({
      type: 'ok',
      data: { hidden: [{ id: 'topicMAL001', fields: { title: SECRET } }] },
    });
    const key = readTombstones(bo.doc)[0]!.key;
    expect(await send(os.facilitator, { type: 'mod-restore', key })).toEqual({ type: 'ok' });
    await eventually(() =>
      expect(part(bo, OS_ROOT.topics).get('topicMAL001')?.get('title')).toBe(SECRET),
    );
    expect(part(bo, OS_ROOT.topics).get('topicMAL001')?.get('owner')).toBe(me);
    expect(readTombstones(bo.doc)).toEqual([]);
  });

  it('hides the translations of what it hides, and restores them with it', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const bo = await os.join('Bo');
    const mallory = await hostile(os.server, os.board.code, 'Mallory');
    mallory.send(
      topicUpdate(os.facilitator.doc, mallory.joined.participantId, 'topicMAL002', SECRET),
    );
    await eventually(() => expect(part(bo, OS_ROOT.topics).has('topicMAL002')).toBe(true));
    // Bo, who reads both languages, translated it before the facilitator saw it.
    const translated = `${SECRET} (übersetzt)`;
    bo.doc.transact(() =>
      createEntity(part(bo, TRANSLATIONS_ROOT), 'transBO0001', bo.participantId, {
        target: translationTarget(OS_ROOT.topics, 'topicMAL002'),
        language: 'de',
        title: translated,
      }),
    );
    await eventually(() =>
      expect(part(os.facilitator, TRANSLATIONS_ROOT).has('transBO0001')).toBe(true),
    );

    const hide = { type: 'mod-hide', part: OS_ROOT.topics, id: 'topicMAL002' } as const;
    expect(await send(os.facilitator, hide)).toEqual({ type: 'ok' });
    await eventually(() => expect(part(bo, TRANSLATIONS_ROOT).has('transBO0001')).toBe(false));
    const late = await os.join('Late');
    expect(holds(late.doc, translated)).toBe(false);

    const key = readTombstones(bo.doc).find((t) => t.id === 'topicMAL002')!.key;
    expect(await send(os.facilitator, { type: 'mod-restore', key })).toEqual({ type: 'ok' });
    await eventually(() =>
      expect(part(bo, TRANSLATIONS_ROOT).get('transBO0001')?.get('title')).toBe(translated),
    );
    expect(part(bo, TRANSLATIONS_ROOT).get('transBO0001')?.get('owner')).toBe(bo.participantId);
    expect(readTombstones(bo.doc)).toEqual([]);
  });

  it('hides a session’s notes on their own, and restores them before what was written since', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    await propose(ana, 'topicANA001', 'Ana topic', os.facilitator);
    const cell = { topicId: 'topicANA001', slotId: os.slots[0]!, spaceId: os.spaces[0]! };
    expect(await send(os.facilitator, { type: 'os-place', ...cell })).toEqual({ type: 'ok' });
    expect(await send(os.facilitator, { type: 'set-phase', phase: 'running' })).toEqual({
      type: 'ok',
    });
    const notes = () => part(ana, OS_ROOT.topics).get('topicANA001')?.get('notes');
    await eventually(() => expect(notes()).toBeInstanceOf(Y.Text));
    (notes() as Y.Text).insert(0, SECRET);
    await eventually(() =>
      expect(String(part(os.facilitator, OS_ROOT.topics).get('topicANA001')?.get('notes'))).toBe(
        SECRET,
      ),
    );
    const hide = {
      type: 'mod-hide',
      part: OS_ROOT.topics,
      id: 'topicANA001',
      field: 'notes',
    } as const;
    expect(await send(os.facilitator, hide)).toEqual({ type: 'ok' });
    await eventually(() => expect(String(notes())).toBe(''));
    expect(holds((await os.join('Late')).doc, SECRET)).toBe(false);
    (notes() as Y.Text).insert(0, 'Later notes');
    await eventually(() => expect(readTombstones(os.facilitator.doc)).toHaveLength(1));
    const key = readTombstones(os.facilitator.doc)[0]!.key;
    await eventually(() =>
      expect(String(part(os.facilitator, OS_ROOT.topics).get('topicANA001')?.get('notes'))).toBe(
        'Later notes',
      ),
    );
    expect(await send(os.facilitator, { type: 'mod-restore', key })).toEqual({ type: 'ok' });
    await eventually(() => expect(String(notes())).toBe(`${SECRET}\n\nLater notes`));
  });

  it('removes content for good: nothing to restore, the id stays refused', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    await propose(ana, 'topicANA001', 'Gone topic', os.facilitator);
    const remove = { type: 'mod-remove', part: OS_ROOT.topics, id: 'topicANA001' } as const;
    expect(await send(os.facilitator, remove)).toEqual({ type: 'ok' });
    await eventually(() => expect(readTombstones(ana.doc)).toMatchObject([{ state: 'removed' }]));
    const key = readTombstones(ana.doc)[0]!.key;
    expect(await send(os.facilitator, { type: 'mod-restore', key })).toMatchObject({
      type: 'refused',
      reason: 'not-found',
    });
  });
});

describe('moderation: removing a participant (SPEC R23)', () => {
  it('closes their sockets, refuses their secret, ticket and old updates, and removes their content', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const bo = await os.join('Bo');
    const mallory = await hostile(os.server, os.board.code, 'Mallory');
    const me = mallory.joined.participantId;
    mallory.send(topicUpdate(os.facilitator.doc, me, 'topicMAL001', SECRET));
    await eventually(() => expect(part(bo, OS_ROOT.topics).has('topicMAL001')).toBe(true));
    const removed = new Promise((resolve) => mallory.socket.on('notice', resolve));

    const cmd = { type: 'mod-remove-person', participantId: me, content: 'remove' } as const;
    expect(await send(os.facilitator, cmd)).toEqual({ type: 'ok' });
    expect(await mallory.closed).toBe(WS_CLOSE.removed);
    expect(await removed).toEqual({ type: 'removed' });
    await eventually(() => expect(part(bo, OS_ROOT.topics).has('topicMAL001')).toBe(false));
    const before = stored(os.server, os.board.code);

    // Renewing the ticket with the old secret: refused.
    const again = controlSocket(os.server.url);
    const rejoin = await joinOver(again, {
      code: os.board.code,
      role: 'participant',
      participantId: me,
      participantSecret: mallory.joined.participantSecret,
    });
    expect(rejoin).toMatchObject({ type: 'join-refused', reason: 'removed' });
    // The old ticket, still within its lifetime: the Yjs socket is closed at once.
    const ws = await rawSocket(os.server.url, os.board.code, mallory.joined.ticket);
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect(code).toBe(WS_CLOSE.removed);
    expect(stored(os.server, os.board.code)).toEqual(before);
    expect(await send(os.facilitator, cmd)).toMatchObject({ reason: 'duplicate' });
  });

  it('keeps their content when the facilitator chooses so', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    await propose(ana, 'topicANA001', 'Kept topic', os.facilitator);
    const cmd = {
      type: 'mod-remove-person',
      participantId: ana.participantId,
      content: 'keep',
    } as const;
    expect(await send(os.facilitator, cmd)).toEqual({ type: 'ok' });
    expect(part(os.facilitator, OS_ROOT.topics).has('topicANA001')).toBe(true);
    expect(
      await send(os.facilitator, {
        type: 'mod-remove-person',
        participantId: os.facilitator.participantId,
        content: 'keep',
      }),
    ).toMatchObject({ reason: 'not-allowed' });
  });
});

describe('moderation: anonymous mode (SPEC R25)', () => {
  it('keeps names out of the document a plain Yjs client reads; facilitators read them by command', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Anastasia');
    await propose(ana, 'topicANA001', 'Ana topic', os.facilitator);
    expect(holds(ana.doc, 'Anastasia')).toBe(true);
    expect(await send(os.facilitator, { type: 'mod-settings', anonymous: true })).toEqual({
      type: 'ok',
    });
    const reader = new Y.Doc();
    const plain = await connectClient(os.server.url, os.board.code, {
      name: 'Bohdana',
      doc: reader,
    });
    await eventually(() => expect(readPeople(plain.doc).get(ana.participantId)?.name).toBe(''));
    for (const name of ['Anastasia', 'Bohdana', 'Conv Ana topic', 'Facilitator'])
      expect(holds(plain.doc, name), name).toBe(false);
    expect(holds(os.server.registry.peek(os.board.code)!.doc, 'Bohdana')).toBe(false);
    // Ownership still holds: the owner id is opaque, and still checked.
    expect(part(plain, OS_ROOT.topics).get('topicANA001')?.get('owner')).toBe(ana.participantId);

    // A name typed into a name field is refused, the board unchanged.
    const before = stored(os.server, os.board.code);
    part(ana, OS_ROOT.topics).get('topicANA001')!.set('convener', 'Anastasia');
    await eventually(() =>
      expect(ana.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    expect(stored(os.server, os.board.code)).toEqual(before);
    const list = await send(os.facilitator, { type: 'mod-list' });
    expect(list).toMatchObject({
      data: { names: { [ana.participantId]: 'Anastasia', [plain.participantId]: 'Bohdana' } },
    });
    expect(await send(ana, { type: 'mod-list' })).toMatchObject({ reason: 'not-allowed' });
  });
});

describe('moderation: approval queue (SPEC R24)', () => {
  it('queues translations too: a translation cannot put unapproved words in place of an approved card', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const bo = await os.join('Bo');
    await propose(bo, 'topicBO0001', 'Youth exchange', os.facilitator);
    const on = { type: 'mod-settings', approval: { part: TRANSLATIONS_ROOT, on: true } } as const;
    expect(await send(os.facilitator, on)).toEqual({ type: 'ok' });
    const mallory = await os.join('Mallory');
    mallory.doc.transact(() =>
      createEntity(part(mallory, TRANSLATIONS_ROOT), 'transMA0001', mallory.participantId, {
        target: translationTarget(OS_ROOT.topics, 'topicBO0001'),
        language: 'de',
        title: SECRET,
      }),
    );
    await eventually(() =>
      expect(mallory.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    expect(holds(os.server.registry.peek(os.board.code)!.doc, SECRET)).toBe(false);
  });

  it('refuses a Yjs create in a queued part; a submission waits sealed, then enters as its author’s', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const bo = await os.join('Bo');
    const on = { type: 'mod-settings', approval: { part: OS_ROOT.topics, on: true } } as const;
    expect(await send(os.facilitator, on)).toEqual({ type: 'ok' });
    const mallory = await hostile(os.server, os.board.code, 'Mallory');
    const me = mallory.joined.participantId;
    const before = stored(os.server, os.board.code);
    mallory.send(topicUpdate(os.facilitator.doc, me, 'topicMAL001', SECRET));
    await eventually(() => expectDenied(mallory, 1));
    expect(mallory.denied[0]).toContain('not-allowed');
    expect(stored(os.server, os.board.code)).toEqual(before);

    const submitted: Command = {
      type: 'mod-submit',
      part: OS_ROOT.topics,
      id: 'topicMAL002',
      fields: { title: SECRET, description: '', language: 'en', tags: [], convener: '' },
    };
    const submit = (cmd: Command) => mallory.socket.timeout(10_000).emitWithAck('command', cmd);
    expect(await submit(submitted)).toEqual({ type: 'ok' });
    expect(await submit({ ...submitted, id: 'topicMAL003', fields: { slot: 'x' } })).toMatchObject({
      reason: 'not-allowed',
    });
    await eventually(() => expect(bo.doc.getMap('_queue').size).toBe(1));
    expect(holds(bo.doc, SECRET)).toBe(false);
    expect(part(bo, OS_ROOT.topics).has('topicMAL002')).toBe(false);

    expect(await send(os.facilitator, { type: 'mod-approve', id: 'topicMAL002' })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(part(bo, OS_ROOT.topics).get('topicMAL002')?.get('title')).toBe(SECRET),
    );
    expect(part(bo, OS_ROOT.topics).get('topicMAL002')?.get('owner')).toBe(me);
    expect(bo.doc.getMap('_queue').size).toBe(0);

    expect(await submit({ ...submitted, id: 'topicMAL004' })).toEqual({ type: 'ok' });
    expect(await send(os.facilitator, { type: 'mod-decline', id: 'topicMAL004' })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect((bo.doc.getMap('_queue').get('topicMAL004') as Y.Map<unknown>)?.get('state')).toBe(
        'declined',
      ),
    );
    const declined = bo.doc.getMap('_queue').get('topicMAL004') as Y.Map<unknown>;
    expect(declined.has('sealed')).toBe(false);
  });

  it('judges each submitted field as the gate judges it in a create: its phase too', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const mallory = await hostile(os.server, os.board.code, 'Mallory');
    const submit = (cmd: Command) => mallory.socket.timeout(10_000).emitWithAck('command', cmd);
    // Session notes are written while sessions run (the server creates them when placed).
    const fields = { title: 'Mine', notes: SECRET };
    for (const on of [false, true]) {
      const approval = { type: 'mod-settings', approval: { part: OS_ROOT.topics, on } } as const;
      expect(await send(os.facilitator, approval)).toEqual({ type: 'ok' });
      const id = `topicMAL10${on ? 1 : 0}`;
      expect(await submit({ type: 'mod-submit', part: OS_ROOT.topics, id, fields })).toMatchObject({
        type: 'refused',
        reason: 'wrong-phase',
      });
    }
    await mallory.handled();
    expect(holds(os.facilitator.doc, SECRET)).toBe(false);
    expect(part(os.facilitator, OS_ROOT.topics).size).toBe(0);
  });
});

// Issue 13, item 4: a refusal costs only the refused change. The client's own document
// connection (client/src/sync/docConnection.ts, y-websocket inside) runs under Node against
// a real server: edits made offline, one of which the server refuses, are sent on reconnect;
// the others reach another device and the refused one is reported by name.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createEntity, OS_ROOT, type Role } from '@twinspace/shared';
import { DocConnection } from '../client/src/sync/docConnection.ts';
import { ConnectionTracker } from '../client/src/sync/connectionTracker.ts';
import { controlSocket, eventually, joinOver } from '../server/test/harness.ts';
import { openSpace, part, propose, send } from '../server/test/open-space-helpers.ts';

/** The browser globals the client's sync layer reads: its page's origin and WebSocket. */
function pretendBrowser(url: string): void {
  const { protocol, host } = new URL(url);
  vi.stubGlobal('window', { location: { protocol, host, origin: url } });
  vi.stubGlobal('WebSocket', WebSocket);
  onTestFinished(() => void vi.unstubAllGlobals());
}

async function phone(url: string, code: string, role: Role, name: string) {
  const socket = controlSocket(url);
  let identity = {};
  // Joins again as the same person (their secret), as the board session does for a ticket.
  const join = async (): Promise<{ ticket: string; participantId: string }> => {
    const result = await joinOver(socket, { code, role, name, ...identity });
    if (result.type !== 'joined') throw new Error(result.reason);
    const { participantId, participantSecret } = result;
    identity = { participantId, participantSecret };
    return result;
  };
  const { ticket, participantId } = await join();
  const refusals: { reason: string; subject: string | null }[] = [];
  const lost: (string | null)[] = [];
  const tracker = new ConnectionTracker(true);
  const docs = new DocConnection(code, role, ticket, tracker, {
    refreshTicket: async () => (await join()).ticket,
    onRefused: (reason, subject) => refusals.push({ reason, subject }),
    onLost: (subject) => lost.push(subject),
    onGone: () => undefined,
  });
  onTestFinished(() => docs.destroy());
  await eventually(() => expect(tracker.current.synced).toBe(true), 20_000);
  return { docs, tracker, refusals, lost, participantId };
}

const titleOf = (doc: Y.Doc, id: string): unknown =>
  doc.getMap<Y.Map<unknown>>(OS_ROOT.topics).get(id)?.get('title');

describe('a refusal costs only the refused change (issue 13)', () => {
  it('keeps every other offline edit and names the refused one', async () => {
    const { server, board, join } = await openSpace({ phase: 'marketplace' });
    pretendBrowser(server.url);
    const witness = await join('Witness');
    const other = await join('Other');
    await propose(other, 'topicOther1', "Other's topic", witness);
    const me = await phone(server.url, board.code, 'participant', 'Olena');
    await eventually(() => expect(titleOf(me.docs.current, 'topicOther1')).toBe("Other's topic"));

    // Offline: a topic, an edit of someone else's topic (refused: not-owner), another topic.
    me.docs.pause();
    const topics = (): Y.Map<Y.Map<unknown>> =>
      part({ doc: me.docs.current } as never, OS_ROOT.topics);
    const mine = (id: string, title: string): void => {
      createEntity(topics(), id, me.participantId, { title, convener: 'Olena' });
    };
    mine('topicMine01', 'First offline topic');
    me.docs.current.transact(() => topics().get('topicOther1')?.set('title', 'Hijacked title'));
    mine('topicMine02', 'Second offline topic');
    me.docs.current.transact(() => topics().get('topicMine01')?.set('description', 'Added later'));
    me.docs.resume();

    await eventually(() => {
      expect(titleOf(witness.doc, 'topicMine01')).toBe('First offline topic');
      expect(titleOf(witness.doc, 'topicMine02')).toBe('Second offline topic');
      const first = part(witness, OS_ROOT.topics).get('topicMine01');
      expect(first?.get('description')).toBe('Added later');
    }, 30_000);
    await eventually(() => expect(me.refusals).toHaveLength(1), 20_000);
    expect(me.refusals[0]).toEqual({ reason: 'not-owner', subject: 'Hijacked title' });
    expect(titleOf(witness.doc, 'topicOther1')).toBe("Other's topic");
    // The phone shows the server's truth: its own topics, and the other topic untouched.
    await eventually(() => {
      expect(titleOf(me.docs.current, 'topicOther1')).toBe("Other's topic");
      expect(titleOf(me.docs.current, 'topicMine02')).toBe('Second offline topic');
      expect(me.tracker.current.pendingLocal).toBe(false);
    });
  });

  it('online too: an edit sent right behind a refused one is kept', async () => {
    const { server, board, join } = await openSpace({ phase: 'marketplace' });
    pretendBrowser(server.url);
    const witness = await join('Witness');
    const other = await join('Other');
    await propose(other, 'topicOther1', "Other's topic", witness);
    const me = await phone(server.url, board.code, 'participant', 'Jonas');
    await eventually(() => expect(titleOf(me.docs.current, 'topicOther1')).toBe("Other's topic"));
    const topics = me.docs.current.getMap<Y.Map<unknown>>(OS_ROOT.topics);
    // Both go out at once; the second builds on the first's clientID clock, so the server
    // cannot take it as sent (missing dependencies): the replay sends it on its own.
    topics.get('topicOther1')?.set('title', 'Hijacked online');
    createEntity(topics, 'topicMine01', me.participantId, { title: 'Right behind' });
    await eventually(
      () => expect(titleOf(witness.doc, 'topicMine01')).toBe('Right behind'),
      20_000,
    );
    await eventually(() =>
      expect(me.refusals).toEqual([{ reason: 'not-owner', subject: 'Hijacked online' }]),
    );
    expect(titleOf(witness.doc, 'topicOther1')).toBe("Other's topic");
  });

  // Offline while the facilitator deletes (or hides) the very topic the phone edits: Yjs puts
  // the edit inside the deleted topic and the server takes it as a change of nothing, so it
  // was confirmed like any other, kept nowhere, and the person never heard of it.
  it('names an offline edit whose topic was deleted meanwhile, with or without a refusal', async () => {
    const { server, board, facilitator, join } = await openSpace({ phase: 'marketplace' });
    pretendBrowser(server.url);
    const witness = await join('Witness');
    const me = await phone(server.url, board.code, 'participant', 'Olena');
    const topics = (): Y.Map<Y.Map<unknown>> =>
      me.docs.current.getMap<Y.Map<unknown>>(OS_ROOT.topics);
    const deleteOnServer = async (id: string): Promise<void> => {
      part(facilitator, OS_ROOT.topics).delete(id);
      await eventually(() => expect(titleOf(witness.doc, id)).toBeUndefined());
    };
    for (const [id, title] of [
      ['topicMine01', 'Night buses'],
      ['topicMine02', 'Bike lanes'],
      ['topicMine03', 'Kept topic'],
    ])
      createEntity(topics(), id!, me.participantId, { title: title!, convener: 'Olena' });
    await eventually(() => expect(titleOf(witness.doc, 'topicMine03')).toBe('Kept topic'));

    // Nothing refused: the edit is confirmed, and named.
    me.docs.pause();
    topics().get('topicMine01')?.set('description', 'Until 2 am on Fridays');
    await deleteOnServer('topicMine01');
    me.docs.resume();
    await eventually(() => expect(me.lost).toEqual(['Until 2 am on Fridays']), 20_000);

    // Beside a refused edit (a topic after proposing closed): the replay skips it, and names it.
    me.docs.pause();
    topics().get('topicMine02')?.set('description', 'Painted ones');
    topics().get('topicMine03')?.set('description', 'Edited offline');
    createEntity(topics(), 'topicLate001', me.participantId, { title: 'Too late' });
    await deleteOnServer('topicMine02');
    expect(await send(facilitator, { type: 'set-phase', phase: 'voting' })).toEqual({ type: 'ok' });
    me.docs.resume();
    await eventually(() => expect(me.refusals).toHaveLength(1), 20_000);
    expect(me.refusals[0]).toEqual({ reason: 'wrong-phase', subject: 'Too late' });
    await eventually(() => expect(me.lost).toEqual(['Until 2 am on Fridays', 'Painted ones']));
    await eventually(() =>
      expect(part(witness, OS_ROOT.topics).get('topicMine03')?.get('description')).toBe(
        'Edited offline',
      ),
    );
  });
});

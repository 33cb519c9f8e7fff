import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { createEntity, EV, getCards, readCards, type Notice } from '@twinspace/shared';
import { AWARENESS_LIMITS } from '../src/rooms/awareness.ts';
import { updateFrame } from '../src/rooms/frames.ts';
import { REFUSAL_DETAIL_MAX } from '../src/rooms/peerFrames.ts';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  rawSocket,
  startServer,
} from './harness.ts';

/** An awareness frame speaking for `n` clientIDs from `first`, each with a `chars` state. */
function awarenessFrame(first: number, n: number, chars: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, n);
  const state = JSON.stringify({ user: { name: 'x'.repeat(chars) } });
  for (let i = 0; i < n; i++) {
    encoding.writeVarUint(inner, first + i);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

const texts = (doc: Y.Doc): string[] =>
  readCards(doc)
    .map((c) => c.text)
    .sort();

/**
 * SPEC R12: a peer's bad frame is that peer's problem. For every y-protocols message type,
 * a malformed or hostile frame refuses or closes only its sender: no other peer is
 * disconnected, and an honest update queued right behind it is stored and relayed.
 */
const FRAMES: [string, number[]][] = [
  ['sync step 1 with a truncated state vector', [0, 0, 2, 5, 1]],
  ['sync step 1 with a state vector of garbage', [0, 0, 4, 200, 200, 200, 200]],
  ['sync step 2 of garbage', [0, 1, 3, 1, 2, 3]],
  ['an update of garbage', [0, 2, 5, 0, 1, 255, 255, 255]],
  ['an unknown sync step', [0, 7, 1, 0]],
  ['awareness of garbage', [1, 5, 1, 2, 3, 4, 5]],
  ['auth', [2, 0, 3, 97, 98, 99]],
  ['an unknown message type', [9, 1, 2]],
  ['a truncated varint', [0x80]],
];

describe('hostile frames (SPEC R12)', () => {
  it('refuse or close only their sender, for every message type', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const a = await connectClient(server.url, board.code, { name: 'Alice' });
    const b = await connectClient(server.url, board.code, { name: 'Bob' });
    const wall = await connectClient(server.url, board.code, { role: 'projector' });
    const closed: string[] = [];
    for (const c of [a, b, wall]) c.provider.on('connection-close', () => closed.push('closed'));
    for (const [i, [name, frame]] of FRAMES.entries()) {
      for (const role of ['projector', 'participant'] as const) {
        const socket = controlSocket(server.url);
        const joined = await joinOver(socket, {
          code: board.code,
          role,
          ...(role === 'participant' ? { name: 'Mallory' } : {}),
        });
        if (joined.type !== 'joined') throw new Error('join failed');
        const ws = await rawSocket(server.url, board.code, joined.ticket);
        ws.send(Uint8Array.from(frame));
        // An honest edit queued right behind the bad frame.
        createEntity(getCards(a.doc), `card${i}${role}`, a.participantId, {
          text: `${name} ${role}`,
        });
        socket.close();
      }
    }
    const expected = FRAMES.flatMap(([name]) => [
      `${name} participant`,
      `${name} projector`,
    ]).sort();
    await eventually(() => expect(texts(b.doc)).toEqual(expected));
    const late = await connectClient(server.url, board.code, { name: 'Late' });
    expect(texts(late.doc)).toEqual(expected); // stored, not only relayed
    expect(closed).toEqual([]);
    expect(a.provider.wsconnected && b.provider.wsconnected && wall.provider.wsconnected).toBe(
      true,
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('closes a peer that asks for the whole board in a loop, and only that peer (R12)', async () => {
    // A budget of 1 ms of the room's time a minute: a few answers of a 200-card board.
    const server = await startServer({ MAX_SYNC_MS_PER_MINUTE: '1' });
    const board = await createBoard(server.url);
    const a = await connectClient(server.url, board.code, { name: 'Alice' });
    const b = await connectClient(server.url, board.code, { name: 'Bob' });
    for (let i = 0; i < 200; i++)
      createEntity(getCards(a.doc), `card${String(i).padStart(6, '0')}`, a.participantId, {
        text: `Topic ${i}: night buses between our two cities`,
      });
    await eventually(() => expect(texts(b.doc)).toHaveLength(200));
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'M' });
    if (joined.type !== 'joined') throw new Error('join failed');
    const ws = await rawSocket(server.url, board.code, joined.ticket);
    const closed = new Promise<[number, string]>((resolve) =>
      ws.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    // Sync step 1 with a state vector naming a client the board never saw: every answer is
    // the whole board, encoded again (only an empty vector's answer is cached).
    const step1 = Uint8Array.from([0, 0, 3, 1, 5, 1]);
    for (let i = 0; i < 2_000 && ws.readyState === ws.OPEN; i++) ws.send(step1);
    expect(await closed).toEqual([1008, 'too many sync requests']);
    // Nobody else paid: the others stay connected and still sync.
    createEntity(getCards(b.doc), 'cardAFTER1', b.participantId, { text: 'after the loop' });
    await eventually(() => expect(texts(a.doc)).toContain('after the loop'));
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('relays a few small awareness states per peer: a flood of made-up clientIDs or a huge state is refused (R19)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const a = await connectClient(server.url, board.code, { name: 'Alice' });
    const b = await connectClient(server.url, board.code, { name: 'Bob' });
    let relayed = 0;
    b.provider.ws?.addEventListener('message', (m) => (relayed += (m.data as Buffer).byteLength));
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'M' });
    if (joined.type !== 'joined') throw new Error('join failed');
    const ws = await rawSocket(server.url, board.code, joined.ticket);
    const denied: string[] = [];
    ws.on('message', (data: Buffer) => data[0] === 2 && denied.push(data.toString('latin1')));
    // 1,000 clientIDs of 1,000 characters each, then one state of 100,000: about 1 MB.
    ws.send(awarenessFrame(1_000_000, 1_000, 1_000));
    ws.send(awarenessFrame(2_000_000, 1, 100_000));
    a.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
        user: { name: 'Alice' },
      }),
    );
    await eventually(() => expect(denied).toHaveLength(2));
    expect(denied.every((d) => d.includes('limit-reached'))).toBe(true);
    const states = [...b.provider.awareness.getStates().keys()];
    const made = states.filter((id) => id >= 1_000_000 && id <= 2_000_000);
    expect(made).toHaveLength(AWARENESS_LIMITS.idsPerPeer);
    expect(made).not.toContain(2_000_000);
    expect(relayed).toBeLessThan(50_000);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('a refusal names what was refused in a few words, however long the id it was sent (R12)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const notices: Notice[] = [];
    socket.on(EV.notice, (n) => notices.push(n));
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'M' });
    if (joined.type !== 'joined') throw new Error('join failed');
    const ws = await rawSocket(server.url, board.code, joined.ticket);
    const doc = new Y.Doc();
    // An id of a million characters: it goes to the log and the notice as the refusal's detail.
    createEntity(getCards(doc), 'x'.repeat(1_000_000), joined.participantId, { text: 'hi' });
    ws.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    await eventually(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toMatchObject({ type: 'update-refused', reason: 'bad-id' });
    const detail = notices[0]!.type === 'update-refused' ? (notices[0]!.detail ?? '') : '';
    expect(detail.length).toBeLessThanOrEqual(REFUSAL_DETAIL_MAX);
  });

  it('a projector that reconnects after a deletion is not refused (R12: step 2 is no write)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const f = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const wall = await connectClient(server.url, board.code, { role: 'projector' });
    createEntity(getCards(f.doc), 'card000001', f.participantId, { text: 'soon gone' });
    await eventually(() => expect(texts(wall.doc)).toEqual(['soon gone']));
    getCards(f.doc).delete('card000001');
    await eventually(() => expect(texts(wall.doc)).toEqual([]));
    wall.provider.disconnect();
    createEntity(getCards(f.doc), 'card000002', f.participantId, { text: 'after' });
    void wall.provider.connect();
    await eventually(() => expect(texts(wall.doc)).toEqual(['after']));
    await wall.synced();
    expect(wall.notices.filter((n) => n.type === 'update-refused')).toEqual([]);
  });
});

import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getCards, readCards, WS_CLOSE } from '@twinspace/shared';
import {
  connectClient,
  createBoard,
  eventually,
  joinOver,
  controlSocket,
  rawSocket,
  startServer,
} from './harness.ts';
import { updateFrame } from '../src/rooms/frames.ts';

const texts = (doc: Y.Doc): string[] => readCards(doc).map((c) => c.text);
const add = (client: { doc: Y.Doc; participantId: string }, id: string, text: string): void => {
  createEntity(getCards(client.doc), id, client.participantId, { text });
};

describe('real-time sync through a real server', () => {
  it('three clients converge, and a late joiner gets the full state', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const [a, b, c] = await Promise.all(
      ['Ana', 'Bogdan', 'Chrystia'].map((name) => connectClient(server.url, board.code, { name })),
    );
    add(a!, 'cardAAAAAA', 'from Ana');
    add(b!, 'cardBBBBBB', 'from Bogdan');
    add(c!, 'cardCCCCCC', 'from Chrystia');
    for (const client of [a!, b!, c!]) {
      await eventually(() =>
        expect(texts(client.doc).sort()).toEqual(['from Ana', 'from Bogdan', 'from Chrystia']),
      );
    }
    const late = await connectClient(server.url, board.code.toLowerCase(), { name: 'Late' });
    expect(texts(late.doc).sort()).toEqual(['from Ana', 'from Bogdan', 'from Chrystia']);
    // The server's directory names every participant who joined.
    expect(
      [...late.doc.getMap('people').values()].map((p) => (p as Y.Map<string>).get('name')).sort(),
    ).toEqual(['Ana', 'Bogdan', 'Chrystia', 'Late'].sort());
  });

  it('sends the whole board with a first join that asks for it (R14, was R16), and only then', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const ana = await connectClient(server.url, board.code, { name: 'Ana' });
    add(ana, 'cardAAAAAA', 'one');
    add(ana, 'cardBBBBBB', 'two');
    const socket = controlSocket(server.url);
    await eventually(async () => {
      const joined = await joinOver(socket, {
        code: board.code,
        role: 'projector',
        withState: true,
      });
      if (joined.type !== 'joined' || !joined.state) throw new Error('no state in the answer');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(joined.state));
      expect(texts(doc).sort()).toEqual(['one', 'two']);
    });
    const renewal = await joinOver(socket, { code: board.code, role: 'projector' });
    if (renewal.type !== 'joined') throw new Error(`the rejoin was refused: ${renewal.reason}`);
    expect(renewal.state).toBeUndefined(); // state only when asked for (a device's first join)
  });

  it('compresses the first join’s state for a client that can inflate it, only then', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const ana = await connectClient(server.url, board.code, { name: 'Ana' });
    const topic = (i: number): string => `Topic ${i}: night buses between our two cities`;
    for (let i = 0; i < 40; i++) add(ana, `card${String(i).padStart(6, '0')}`, topic(i));
    const socket = controlSocket(server.url);
    const first = (stateEncoding?: 'deflate-raw') =>
      joinOver(socket, {
        code: board.code,
        role: 'projector',
        withState: true,
        ...(stateEncoding ? { stateEncoding } : {}),
      });
    let plain = new Uint8Array();
    await eventually(async () => {
      const joined = await first();
      if (joined.type !== 'joined' || !joined.state) throw new Error('no state in the answer');
      expect(joined.stateEncoding).toBeUndefined();
      plain = new Uint8Array(joined.state);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, plain);
      expect(texts(doc)).toHaveLength(40);
    });
    const packed = await first('deflate-raw');
    if (packed.type !== 'joined' || !packed.state) throw new Error('no state in the answer');
    expect(packed.stateEncoding).toBe('deflate-raw');
    const bytes = new Uint8Array(packed.state);
    expect(bytes.byteLength).toBeLessThan(plain.byteLength / 2);
    expect(new Uint8Array(inflateRawSync(bytes))).toEqual(plain);
    // Anything else in the field is a malformed join, refused before it reaches the room.
    const odd = await joinOver(socket, {
      code: board.code,
      role: 'projector',
      withState: true,
      stateEncoding: 'gzip' as 'deflate-raw',
    });
    expect(odd.type).toBe('join-refused');
  });

  it('refuses a projector’s write (R1): nobody else sees it and the projector is told', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const participant = await connectClient(server.url, board.code, { name: 'Ana' });
    const projector = await connectClient(server.url, board.code, { role: 'projector' });
    add(projector, 'cardPROJEC', 'written by a wall');
    await eventually(() =>
      expect(projector.notices).toContainEqual(
        expect.objectContaining({ reason: 'read-only-role' }),
      ),
    );
    add(participant, 'cardPARTIC', 'written by a phone');
    await eventually(() => expect(texts(projector.doc)).toContain('written by a phone'));
    expect(texts(participant.doc)).toEqual(['written by a phone']);
    const fresh = await connectClient(server.url, board.code, { name: 'Fresh' });
    expect(texts(fresh.doc)).toEqual(['written by a phone']);
  });

  it('refuses a crafted rule-breaking update, which never reaches another client (R3)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const ana = await connectClient(server.url, board.code, { name: 'Ana' });
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    add(ana, 'cardANA001', 'Ana’s topic');
    await eventually(() => expect(texts(witness.doc)).toEqual(['Ana’s topic']));

    // Mallory joins properly, then crafts a deletion of Ana's card by hand.
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, {
      code: board.code,
      role: 'participant',
      name: 'Mallory',
    });
    if (joined.type !== 'joined') throw new Error('join failed');
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(witness.doc));
    const before = Y.encodeStateVector(shadow);
    getCards(shadow).get('cardANA001')!.set('text', 'defaced');
    getCards(shadow).delete('cardANA001');
    const crafted = Y.encodeStateAsUpdate(shadow, before);
    const ws = await rawSocket(server.url, board.code, joined.ticket);
    const replies: Buffer[] = [];
    ws.on('message', (data: Buffer) => replies.push(data));
    ws.send(updateFrame(crafted));
    // The sender gets a permission-denied frame (y-protocols auth, type 2).
    await eventually(() =>
      expect(replies.filter((r) => r[0] === 2).map((r) => r.toString('latin1'))).toEqual([
        expect.stringContaining('not-owner'),
      ]),
    );
    // A change the witness makes afterwards arrives, the crafted one never did.
    add(witness, 'cardWIT001', 'after the attack');
    await eventually(() => expect(texts(ana.doc)).toEqual(['Ana’s topic', 'after the attack']));
    expect(texts(witness.doc)).toEqual(['Ana’s topic', 'after the attack']);
  });

  it('survives random bytes and oversized frames without crashing', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'Fuzzy' });
    if (joined.type !== 'joined') throw new Error('join failed');
    const ws = await rawSocket(server.url, board.code, joined.ticket);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
    for (let i = 0; i < 300; i++) {
      const len = 1 + (rand() % 200);
      ws.send(Uint8Array.from({ length: len }, () => rand() & 255));
    }
    const big = await rawSocket(server.url, board.code, joined.ticket);
    const closed = new Promise<number>((resolve) =>
      big.once('close', (code: number) => resolve(code)),
    );
    big.send(new Uint8Array(3 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const a = await connectClient(server.url, board.code, { name: 'After' });
    const b = await connectClient(server.url, board.code, { name: 'After2' });
    add(a, 'cardAFTER1', 'still alive');
    await eventually(() => expect(texts(b.doc)).toEqual(['still alive']));
  });

  it('closes a Yjs connection whose ticket is forged, expired or for another board (R8)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: other.code, role: 'participant', name: 'X' });
    if (joined.type !== 'joined') throw new Error('join failed');
    for (const ticket of ['nonsense', joined.ticket, `${joined.ticket.split('.')[0]}.AAAA`]) {
      const ws = await rawSocket(server.url, board.code, ticket);
      const code = await new Promise<number>((resolve) =>
        ws.once('close', (c: number) => resolve(c)),
      );
      expect(code).toBe(WS_CLOSE.badTicket);
    }
    // A malformed escape in the board code is a bad address, not an exception in 'upgrade'.
    const mangled = await rawSocket(server.url, '%E0%A4%A', joined.ticket);
    const code = await new Promise<number>((resolve) =>
      mangled.once('close', (c: number) => resolve(c)),
    );
    expect(code).toBe(WS_CLOSE.badTicket);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('relays awareness (R19, was R14): a client sees another’s state and its departure, never an echo as its own', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const ana = await connectClient(server.url, board.code, { name: 'Ana' });
    const bo = await connectClient(server.url, board.code, { name: 'Bo' });
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    bo.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    await eventually(() => {
      expect(bo.provider.awareness.getStates().get(ana.doc.clientID)).toMatchObject({
        user: { name: 'Ana' },
      });
      expect(ana.provider.awareness.getStates().get(bo.doc.clientID)).toMatchObject({
        user: { name: 'Bo' },
      });
    });
    ana.close();
    await eventually(() =>
      expect(bo.provider.awareness.getStates().has(ana.doc.clientID)).toBe(false),
    );
  });
});

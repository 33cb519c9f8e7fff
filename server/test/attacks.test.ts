import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getCards, getMeta, readCards } from '@twinspace/shared';
import { deletedWinner } from '../src/rules/adversary.ts';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  rawSocket,
  startServer,
  tempDir,
} from './harness.ts';

const updateFrame = (update: Uint8Array): Uint8Array => {
  // y-protocols: message sync (0), step "update" (2), then the varuint-length update.
  const len: number[] = [];
  let n = update.length;
  do {
    len.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Uint8Array.from([0, 2, ...len, ...update]);
};

describe('a hostile participant with the code and a standard Yjs client (SPEC R16, was R18)', () => {
  it('cannot delete the phase, the title or another’s card, and the board survives a restart', async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir });
    const board = await createBoard(first.url, 'match-sprint', 'Twin cities');
    const alice = await connectClient(first.url, board.code, { name: 'Alice' });
    createEntity(getCards(alice.doc), 'card000001', alice.participantId, { text: 'ours' });
    const socket = controlSocket(first.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'M' });
    if (joined.type !== 'joined') throw new Error('join failed');
    const mallory = await rawSocket(first.url, board.code, joined.ticket);
    const denied: string[] = [];
    mallory.on('message', (data: Buffer) => data[0] === 2 && denied.push('denied'));
    await eventually(() => expect(readCards(alice.doc)).toHaveLength(1));
    // The attacker reads the board as its own client would, then crafts each attack.
    const seen = new Y.Doc();
    Y.applyUpdate(seen, Y.encodeStateAsUpdate(alice.doc));
    const attacks = [
      deletedWinner(seen, ['meta'], 'phase', true),
      deletedWinner(seen, ['meta'], 'title', false),
      deletedWinner(seen, ['cards'], 'card000001', true),
      deletedWinner(seen, ['cards', 'card000001'], 'text', false),
    ];
    for (const attack of attacks) mallory.send(updateFrame(attack!.update));
    await eventually(() => expect(denied).toHaveLength(attacks.length));
    socket.close();
    await first.close();

    const second = await startServer({ DATA_DIR: dataDir });
    const reader = await connectClient(second.url, board.code, { name: 'Reader' });
    expect(getMeta(reader.doc).get('phase')).toBe('welcome');
    expect(getMeta(reader.doc).get('title')).toBe('Twin cities');
    expect(readCards(reader.doc).map((c) => c.text)).toEqual(['ours']);
  });
});

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type * as Y from 'yjs';
import {
  createEntity,
  EV,
  getCards,
  WS_CLOSE,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import { connectClient, createBoard, eventually, type TestClient } from './harness.ts';
import { startSharedCluster } from './redis-cluster.ts';
import type { ServerProcess } from './process.ts';

/** SPEC R23 scaled out: a removal on one process closes the person's sockets on the other. */
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  const { procs } = await startSharedCluster(2, afterAll);
  [a, b] = [procs[0]!, procs[1]!];
});

const send = (to: TestClient, cmd: Command): Promise<CommandResult> =>
  to.socket.timeout(15_000).emitWithAck(EV.command, cmd);

describe('moderation, two processes sharing Redis (SPEC R23)', () => {
  it('closes a removed participant’s Yjs and Socket.IO connections on the other process', async () => {
    const board = await createBoard(a.url, 'open-space', 'Two processes');
    const facilitator = await connectClient(a.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const mallory = await connectClient(b.url, board.code, { name: 'Mallory' });
    const closed = new Promise<number>((resolve) =>
      mallory.provider.ws?.addEventListener('close', (e) => resolve(e.code)),
    );
    const cmd = {
      type: 'mod-remove-person',
      participantId: mallory.participantId,
      content: 'keep',
    } as const;
    expect(await send(facilitator, cmd)).toEqual({ type: 'ok' });
    expect(await closed).toBe(WS_CLOSE.removed);
    await eventually(() => expect(mallory.notices).toContainEqual({ type: 'removed' }));
    await eventually(() => expect(mallory.socket.connected).toBe(false));
  });

  it('drops what the other process accepted from them before the removal reached it', async () => {
    const board = await createBoard(a.url, 'open-space', 'Two processes');
    const facilitator = await connectClient(a.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const cards = (doc: Y.Doc) => getCards(doc);
    for (let round = 0; round < 3; round++) {
      // A card every millisecond through process B while process A decides the removal.
      const mallory = await connectClient(b.url, board.code, { name: `Mallory ${round}` });
      let n = 0;
      const spam = setInterval(() => {
        const id = `card${round}m${String(n++).padStart(5, '0')}`;
        createEntity(cards(mallory.doc), id, mallory.participantId, { text: 'spam' });
      }, 1);
      onTestFinished(() => clearInterval(spam));
      await eventually(() => expect(n).toBeGreaterThan(50));
      const cmd = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
      expect(await send(facilitator, { ...cmd, content: 'remove' })).toEqual({ type: 'ok' });
      await eventually(() => expect(mallory.provider.wsconnected).toBe(false));
      clearInterval(spam);
      const theirs = (doc: Y.Doc) =>
        [...cards(doc).values()].filter((c) => c.get('owner') === mallory.participantId);
      // Before: 10 to 50 of the cards B took after the decision stayed on the board.
      for (const proc of [a, b]) {
        const fresh = await connectClient(proc.url, board.code, { name: 'Witness' });
        await eventually(() => expect(theirs(fresh.doc)).toEqual([]));
        fresh.close();
      }
    }
  });
});

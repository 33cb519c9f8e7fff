import { Redis } from 'ioredis';
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
import { PHOTO_ROOT } from '@twinspace/shared/boards/photos/layout';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  type TestClient,
} from './harness.ts';
import { png } from './photo-fixtures.ts';
import { startSharedCluster } from './redis-cluster.ts';
import { TEST_REDIS_URL } from './redis-env.ts';
import type { ServerProcess } from './process.ts';

/** SPEC R23 scaled out: a removal on one process closes the person's sockets on the other. */
let a: ServerProcess;
let b: ServerProcess;
let prefix: string;
beforeAll(async () => {
  const cluster = await startSharedCluster(2, afterAll);
  [a, b] = [cluster.procs[0]!, cluster.procs[1]!];
  prefix = cluster.prefix;
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

  it('takes the photos the other process attached for them, and their bytes (R23)', async () => {
    const board = await createBoard(a.url, 'open-space', 'Two processes');
    const facilitator = await connectClient(a.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    createEntity(facilitator.doc.getMap('topics'), 'topic00001', facilitator.participantId, {
      title: 'Youth exchange',
      convener: 'F',
    });
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    onTestFinished(() => redis.disconnect());
    for (let round = 0; round < 3; round++) {
      const socket = controlSocket(b.url);
      const mallory = await joinOver(socket, {
        code: board.code,
        role: 'participant',
        name: `Mallory ${round}`,
      });
      if (mallory.type !== 'joined') throw new Error(mallory.reason);
      const upload = () =>
        fetch(`${b.url}/api/boards/${board.code}/photos?part=topics&ref=topic00001`, {
          method: 'POST',
          headers: { authorization: `Bearer ${mallory.ticket}` },
          body: Buffer.from(png()),
        });
      // The topic has reached B: a first photo is attached there.
      await eventually(async () => expect((await upload()).status).toBe(201));
      // Nine more through B while A decides the removal.
      const uploads = Array.from({ length: 9 }, () => upload());
      await Promise.race(uploads);
      const cmd = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
      expect(await send(facilitator, { ...cmd, content: 'remove' })).toEqual({ type: 'ok' });
      await Promise.all(uploads);
      const theirs = (doc: Y.Doc) =>
        [...doc.getMap<Y.Map<unknown>>(PHOTO_ROOT.photos).entries()]
          .filter(([, p]) => p.get('owner') === mallory.participantId)
          .map(([id]) => id);
      // Before: every photo of theirs stayed, on both processes and in Redis.
      for (const proc of [a, b]) {
        const fresh = await connectClient(proc.url, board.code, { name: 'Witness' });
        await eventually(() => expect(theirs(fresh.doc)).toEqual([]));
        fresh.close();
      }
      await eventually(async () => {
        const facts = await redis.hgetall(`${prefix}board:{${board.code}}:photos:facts`);
        expect(Object.values(facts).filter((j) => j.includes(mallory.participantId))).toEqual([]);
      });
      socket.close();
    }
  });
});

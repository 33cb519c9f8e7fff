import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { createEntity, EV, getCards, getPeople, WS_CLOSE } from '@twinspace/shared';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import type { ErasureChoice } from '@twinspace/shared/privacy/erasure';
import { connectClient, createBoard, eventually, type TestClient } from './harness.ts';
import { send } from './open-space-helpers.ts';
import { joinAs, startSharedCluster, type Member } from './redis-cluster.ts';
import type { ServerProcess } from './process.ts';

/** SPEC R29 scaled out: an erasure decided on one process holds on the other. */
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  const { procs } = await startSharedCluster(2, afterAll);
  [a, b] = [procs[0]!, procs[1]!];
});

/** A board in the marketplace (topics may be proposed), its facilitator on process A. */
async function marketplace(): Promise<{ code: string; facilitator: TestClient }> {
  const board = await createBoard(a.url, 'open-space', 'Two processes');
  const facilitator = await connectClient(a.url, board.code, {
    role: 'facilitator',
    name: 'F',
    facilitatorToken: board.facilitatorToken,
  });
  expect(await send(facilitator, { type: 'set-phase', phase: 'marketplace' })).toEqual({
    type: 'ok',
  });
  return { code: board.code, facilitator };
}

/**
 * Zoe, her commands on process A and her document's socket on process B (a balancer), edits
 * once a millisecond (`edit`) while she erases her data on A; resolves once she is told.
 */
async function eraseWhileEditing(
  code: string,
  name: string,
  choice: ErasureChoice,
  edit: (zoe: Member, n: number) => void,
  before?: (zoe: Member) => Promise<void>,
): Promise<Member> {
  const zoe = await joinAs(a.url, code, { name, documentUrl: b.url });
  await before?.(zoe);
  const closes: number[] = [];
  zoe.provider.on('connection-close', (e) => e && closes.push(e.code));
  let n = 0;
  const spam = setInterval(() => edit(zoe, n++), 1);
  onTestFinished(() => clearInterval(spam));
  await eventually(() => expect(n).toBeGreaterThan(50));
  const erase = { type: 'erase-my-data', content: choice, confirm: true } as const;
  expect(await zoe.socket.timeout(15_000).emitWithAck(EV.command, erase)).toEqual({ type: 'ok' });
  await eventually(() => expect(closes).toContain(WS_CLOSE.participantErased));
  clearInterval(spam);
  return zoe;
}

/** What a fresh reader finds of her on each process, once it holds `expected`. */
async function onBothProcesses(code: string, read: (doc: Y.Doc) => unknown, expected: unknown) {
  for (const proc of [a, b]) {
    const witness = await connectClient(proc.url, code, { name: 'Witness' });
    await eventually(() => expect(read(witness.doc)).toEqual(expected));
    witness.close();
  }
}

describe('erasure, two processes sharing Redis (SPEC R29)', () => {
  it('takes what the other process accepted from them after the erasure was decided', async () => {
    const { code } = await marketplace();
    for (let round = 0; round < 3; round++) {
      const zoe = await eraseWhileEditing(code, `Zoe ${round}`, 'remove', (z, n) => {
        const id = `card${round}z${String(n).padStart(5, '0')}`;
        createEntity(getCards(z.doc), id, z.participantId, { text: 'mine' });
      });
      const traces = (doc: Y.Doc) => ({
        cards: [...getCards(doc).values()].filter((c) => c.get('owner') === zoe.participantId)
          .length,
        person: getPeople(doc).has(zoe.participantId),
      });
      // Before: 15 cards B took after the erasure was decided stayed on the board.
      await onBothProcesses(code, traces, { cards: 0, person: false });
      zoe.close();
    }
  });

  it('keeps her content without her name, whatever the other process took meanwhile', async () => {
    const { code, facilitator } = await marketplace();
    for (let round = 0; round < 3; round++) {
      const topicId = `topic${round}zoe00`;
      const topic = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(OS_ROOT.topics).get(topicId);
      const propose = async (z: Member) => {
        createEntity(z.doc.getMap(OS_ROOT.topics), topicId, z.participantId, {
          title: 'Youth exchange',
          convener: 'Zoe',
        });
        await eventually(() => expect(topic(facilitator.doc)?.get('convener')).toBe('Zoe'));
      };
      // Her name, typed again and again into her topic's convener through B.
      const rename = (z: Member, n: number) => topic(z.doc)?.set('convener', `Zoe ${n}`);
      await eraseWhileEditing(code, `Zoe ${round}`, 'keep', rename, propose);
      const convener = (doc: Y.Doc) => topic(doc)?.get('convener');
      await onBothProcesses(code, convener, '');
    }
  });
});

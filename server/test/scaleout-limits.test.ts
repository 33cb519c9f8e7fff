import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { createEntity, getCards, MS_ROOT, ROOT } from '@twinspace/shared';
import { MSG, SYNC, syncStep1Frame, updateFrame } from '../src/rooms/frames.ts';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  rawSocket,
} from './harness.ts';
import { startSharedCluster } from './redis-cluster.ts';
import type { ServerProcess } from './process.ts';

/**
 * SPEC R6, R18 scaled out (R41): per-owner limits judged on a Yjs update hold across
 * processes. One participant's ticket opens a Yjs socket on each of two processes sharing
 * Redis, and both send at once an update that alone is within a limit and together exceed
 * it: exactly one is accepted, and the board holds what one process alone would allow.
 */
const MAX_CLIENT_IDS = 4;
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  const env = { MAX_CLIENT_IDS: String(MAX_CLIENT_IDS) };
  const { procs } = await startSharedCluster(2, afterAll, env);
  [a, b] = [procs[0]!, procs[1]!];
});

/** A raw Yjs socket, and what the server answered to what it sent. */
async function hostileSocket(url: string, code: string, ticket: string) {
  const ws = await rawSocket(url, code, ticket);
  const heard: string[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === MSG.auth) {
      decoding.readVarUint(d);
      heard.push(decoding.readVarString(d));
    } else if (type === MSG.sync && decoding.readVarUint(d) === SYNC.step2) {
      heard.push('answer');
    }
  });
  const ask = (): void => ws.send(syncStep1Frame(new Y.Doc()));
  // An answer: the socket is in its room, the board loaded on that process.
  ask();
  await eventually(() => expect(heard).toContain('answer'));
  return {
    /** The updates, then a sync step 1: its answer comes after their verdicts (R21). */
    send(...updates: Uint8Array[]): void {
      heard.length = 0;
      for (const update of updates) ws.send(updateFrame(update));
      ask();
    },
    /** 'accepted', the refusal's reason, or undefined while no answer came. */
    outcome(): string | undefined {
      const answer = heard.indexOf('answer');
      if (answer < 0) return undefined;
      return heard[0] === 'answer' ? 'accepted' : heard[0];
    },
  };
}

/** One participant, their ticket open on both processes; witnesses reading each process. */
async function twoSockets(kind: 'open-space' | 'match-sprint') {
  const board = await createBoard(a.url, kind, 'Two processes');
  const joined = await joinOver(controlSocket(a.url), {
    code: board.code,
    role: 'participant',
    name: 'Mallory',
  });
  if (joined.type !== 'joined') throw new Error(joined.reason);
  const [onA, onB] = await Promise.all([
    hostileSocket(a.url, board.code, joined.ticket),
    hostileSocket(b.url, board.code, joined.ticket),
  ]);
  const witnesses = await Promise.all(
    [a, b].map((p) => connectClient(p.url, board.code, { name: 'Witness' })),
  );
  return { me: joined.participantId, onA, onB, witnesses };
}

type Socket = Awaited<ReturnType<typeof hostileSocket>>;
type Witness = Awaited<ReturnType<typeof twoSockets>>['witnesses'][number];

/** The race is won or lost by a millisecond: each test tries it this many times. */
const ROUNDS = 3;

/**
 * Sends each update on its socket in the same turn (one per process) and waits for every
 * answer, then until both processes' boards hold every accepted update (each was stored
 * before its answer). The outcomes, sorted.
 */
async function atOnce(witnesses: Witness[], sent: [Socket, ...Uint8Array[]][]): Promise<string[]> {
  for (const [socket, ...updates] of sent) socket.send(...updates);
  await eventually(() => {
    for (const [socket] of sent) expect(socket.outcome()).toBeDefined();
  });
  const missing = (doc: Y.Doc, update: Uint8Array): number =>
    Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))).structs.length;
  await eventually(() => {
    for (const [socket, ...updates] of sent) {
      if (socket.outcome() !== 'accepted') continue;
      for (const w of witnesses) for (const u of updates) expect(missing(w.doc, u)).toBe(0);
    }
  });
  return sent.map(([socket]) => socket.outcome()!).sort();
}

/** An update from a fresh client (its own clientID) on top of `base`. */
function edit(base: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

const dots = (targets: string[], me: string, tag: string): Uint8Array =>
  edit(EMPTY, (doc) => {
    const votes = doc.getMap<Y.Map<unknown>>(MS_ROOT.votes);
    targets.forEach((target, i) => createEntity(votes, `dot000${tag}${i}`, me, { target }));
  });

/** The targets of the participant's dots on each process's board. */
const myDots = (witnesses: Witness[], me: string): string[][] =>
  witnesses.map((w) =>
    [...w.doc.getMap<Y.Map<unknown>>(MS_ROOT.votes).values()]
      .filter((dot) => dot.get('owner') === me)
      .map((dot) => String(dot.get('target')))
      .sort(),
  );

describe('per-owner limits of Yjs updates hold across processes (SPEC R41)', () => {
  it('maxPerOwner: two half budgets of dots on two processes, at once, are one budget', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { me, onA, onB, witnesses } = await twoSockets('match-sprint');
      const six = (tag: string) => Array.from({ length: 6 }, (_, i) => `project${tag}${i}`);
      // 6 dots each, 10 a person: either alone fits, both are 12.
      const outcomes = await atOnce(witnesses, [
        [onA, dots(six('A'), me, 'A')],
        [onB, dots(six('B'), me, 'B')],
      ]);
      const [onBoardA, onBoardB] = myDots(witnesses, me);
      expect(onBoardA, 'dots on the board').toHaveLength(6);
      expect(onBoardB).toEqual(onBoardA);
      expect(outcomes).toEqual(['accepted', 'limit-reached']);
    }
  });

  it('oncePerOwner: one dot on a project from each process, at once, is one dot', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { me, onA, onB, witnesses } = await twoSockets('match-sprint');
      const outcomes = await atOnce(witnesses, [
        [onA, dots(['project01'], me, 'A')],
        [onB, dots(['project01'], me, 'B')],
      ]);
      expect(myDots(witnesses, me), 'dots on project01').toEqual([['project01'], ['project01']]);
      expect(outcomes).toEqual(['accepted', 'limit-reached']);
    }
  });

  it('R18: clientIDs bound on two processes at once stay within MAX_CLIENT_IDS', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { me, onA, onB, witnesses } = await twoSockets('open-space');
      // Their own card, through process A (one clientID bound).
      const card = edit(EMPTY, (doc) =>
        createEntity(getCards(doc), 'card000001', me, { text: 'mine' }),
      );
      expect(await atOnce(witnesses, [[onA, card]])).toEqual(['accepted']);
      // Each side edits the card's text from three new clientIDs: alone 1 + 3 = 4, both 7.
      const threeClients = (tag: string): Uint8Array =>
        Y.mergeUpdates(
          [0, 1, 2].map((i) =>
            edit(card, (doc) => getCards(doc).get('card000001')!.set('text', `${tag}${i}`)),
          ),
        );
      const outcomes = await atOnce(witnesses, [
        [onA, threeClients('A')],
        [onB, threeClients('B')],
      ]);
      const bound = witnesses.map(
        (w) => [...w.doc.getMap<string>(ROOT.clients).values()].filter((o) => o === me).length,
      );
      expect(bound, 'clientIDs bound to them').toEqual([MAX_CLIENT_IDS, MAX_CLIENT_IDS]);
      expect(outcomes).toEqual(['accepted', 'limit-reached']);
    }
  });

  it('an edit sent right behind a counted update waits for it, and both are taken', async () => {
    const { me, onA, witnesses } = await twoSockets('open-space');
    // One client: a new card (judged under the mutex), then its text typed at once.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    createEntity(getCards(doc), 'card000001', me, { text: '' });
    getCards(doc).get('card000001')!.set('text', 'typed');
    expect(updates).toHaveLength(2);
    expect(await atOnce(witnesses, [[onA, ...updates]])).toEqual(['accepted']);
    const texts = witnesses.map((w) => getCards(w.doc).get('card000001')?.get('text'));
    expect(texts).toEqual(['typed', 'typed']);
  });
});

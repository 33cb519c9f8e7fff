import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createEntity,
  EV,
  OS_ROOT,
  readPoints,
  TF_PICKS,
  TF_ROOT,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import {
  readLinks,
  readProjects,
  readSettings,
  readSprints,
} from '@twinspace/shared/boards/match-sprint/read';
import { addLink, addMsCard, writeCities } from '@twinspace/shared/boards/match-sprint/write';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  type ControlSocket,
  type TestClient,
} from './harness.ts';
import { startSharedCluster } from './redis-cluster.ts';
import type { ServerProcess } from './process.ts';

/**
 * SPEC R9 scaled out: every command that reads then writes is decided inside the
 * arbitrated path, so the same command sent at once on two server processes sharing
 * Redis is decided once, on a document that already holds the other's result. One pair
 * of processes serves the whole file; each test makes its own board.
 */
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  const { procs } = await startSharedCluster(2, afterAll);
  [a, b] = [procs[0]!, procs[1]!];
});

type Sender = TestClient | ControlSocket;
const send = (to: Sender, cmd: Command): Promise<CommandResult> =>
  ('socket' in to ? to.socket : to).timeout(15_000).emitWithAck(EV.command, cmd);
const kinds = (results: CommandResult[]): string[] =>
  results.map((r) => (r.type === 'ok' ? 'ok' : r.reason)).sort();

/** The same facilitator on both processes, and the board's code. */
async function facilitators(kind: 'open-space' | 'match-sprint') {
  const board = await createBoard(a.url, kind, 'Two processes');
  const as = { role: 'facilitator' as const, name: 'F', facilitatorToken: board.facilitatorToken };
  const [fa, fb] = await Promise.all([
    connectClient(a.url, board.code, as),
    connectClient(b.url, board.code, as),
  ]);
  return { code: board.code, fa, fb };
}

/** Both processes' documents end equal to `expected`. */
async function onBoth<T>(clients: TestClient[], read: (doc: Y.Doc) => T, expected: T) {
  for (const c of clients) await eventually(() => expect(read(c.doc)).toEqual(expected), 15_000);
}

/** A Match & Sprint board in the match phase with one cross-city link. */
async function matchBoard() {
  const { code, fa, fb } = await facilitators('match-sprint');
  writeCities(fa.doc, fa.participantId, ['Minsk', 'Dresden']);
  const need = addMsCard(fa.doc, fa.participantId, {
    city: 'Minsk',
    kind: 'need',
    title: 'Rooms',
    themes: [],
  });
  const pot = addMsCard(fa.doc, fa.participantId, {
    city: 'Dresden',
    kind: 'potential',
    title: 'Jugendhaus',
    themes: [],
  });
  const linkId = addLink(fa.doc, fa.participantId, need, pot);
  await eventually(() => expect(readLinks(fb.doc)).toHaveLength(1), 15_000);
  expect(await send(fa, { type: 'set-phase', phase: 'match' })).toEqual({ type: 'ok' });
  return { code, fa, fb, linkId };
}

describe('R9 scaled out: Match & Sprint commands are decided once', () => {
  it('R9: ms-confirm-link at once on two processes makes one project; the second is a duplicate', async () => {
    const { fa, fb, linkId } = await matchBoard();
    const confirm: Command = { type: 'ms-confirm-link', linkId };
    expect(kinds(await Promise.all([send(fa, confirm), send(fb, confirm)]))).toEqual([
      'duplicate',
      'ok',
    ]);
    const one = (doc: Y.Doc) => {
      const projects = readProjects(doc);
      const link = readLinks(doc)[0];
      return [projects.length, link?.status, link?.projectId === projects[0]?.id];
    };
    await onBoth([fa, fb], one, [1, 'confirmed', true]);
  });

  it('R9: ms-join-team on two processes at once keeps every member, with their city', async () => {
    const { code, fa, fb, linkId } = await matchBoard();
    expect(await send(fa, { type: 'ms-confirm-link', linkId })).toEqual({ type: 'ok' });
    await eventually(() => expect(readProjects(fb.doc)).toHaveLength(1), 15_000);
    const projectId = readProjects(fb.doc)[0]!.id;
    const members = await Promise.all(
      [0, 1, 2].flatMap((i) => [
        connectClient(a.url, code, { name: `Minsk ${i}`, city: 'Minsk' }),
        connectClient(b.url, code, { name: `Dresden ${i}`, city: 'Dresden' }),
      ]),
    );
    const results = await Promise.all(
      members.map((m) => send(m, { type: 'ms-join-team', projectId })),
    );
    expect(kinds(results)).toEqual(members.map(() => 'ok'));
    const expected = Object.fromEntries(
      members.map((m, i) => [m.participantId, i % 2 === 0 ? 'Minsk' : 'Dresden']),
    );
    await onBoth([fa, fb], (doc) => readProjects(doc)[0]?.team, expected);
  });

  it('R9: ms-close-sprint of sprint 1 at once on two processes closes it once', async () => {
    const { fa, fb } = await facilitators('match-sprint');
    const close: Command = { type: 'ms-close-sprint', sprint: 1 };
    expect(kinds(await Promise.all([send(fa, close), send(fb, close)]))).toEqual([
      'duplicate',
      'ok',
    ]);
    const sprints = (doc: Y.Doc) => [
      readSettings(doc).currentSprint,
      readSprints(doc).map((s) => [s.number, s.closedAt !== null]),
    ];
    await onBoth([fa, fb], sprints, [
      2,
      [
        [1, true],
        [2, false],
      ],
    ]);
  });
});

/** One participant with a control socket on each process (a phone and a laptop). */
async function onTwoProcesses(code: string): Promise<[ControlSocket, ControlSocket]> {
  const first = controlSocket(a.url);
  const joined = await joinOver(first, { code, role: 'participant', name: 'Ana' });
  if (joined.type !== 'joined') throw new Error(joined.reason);
  const second = controlSocket(b.url);
  const again = await joinOver(second, {
    code,
    role: 'participant',
    name: 'Ana',
    participantId: joined.participantId,
    participantSecret: joined.participantSecret,
  });
  expect(again).toMatchObject({ type: 'joined', participantId: joined.participantId });
  return [first, second];
}

describe('R9 scaled out: budgets hold across processes', () => {
  it('R9: os-vote from one voter on two processes at once never exceeds the budget', async () => {
    const { code, fa, fb } = await facilitators('open-space');
    const topics = Array.from({ length: 8 }, (_, i) => `topic0000${i}`);
    fa.doc.transact(() => {
      fa.doc.getMap(OS_ROOT.settings).set('voteBudget', 3);
      for (const id of topics)
        createEntity(fa.doc.getMap(OS_ROOT.topics), id, fa.participantId, { title: id });
    });
    await eventually(() => expect(fb.doc.getMap(OS_ROOT.topics).size).toBe(topics.length));
    expect(await send(fa, { type: 'set-phase', phase: 'voting' })).toEqual({ type: 'ok' });
    const [one, two] = await onTwoProcesses(code);
    const results = await Promise.all(
      topics.map((topicId, i) =>
        send(i % 2 ? one : two, { type: 'os-vote', voteId: `vote-${topicId}`, topicId, delta: 1 }),
      ),
    );
    expect(kinds(results)).toEqual(['ok', 'ok', 'ok', ...Array<string>(5).fill('over-budget')]);
    for (const socket of [one, two])
      // the sealed ballot, as each process's document has it
      await eventually(async () =>
        expect(await send(socket, { type: 'os-my-ballot' })).toMatchObject({
          data: { ballot: { used: 3 } },
        }),
      );
  });

  it('R9: tf-vote from one participant on two processes at once picks at most TF_PICKS', async () => {
    const { code, fa, fb } = await facilitators('open-space');
    const points = Array.from({ length: TF_PICKS + 3 }, (_, i) => `point0000${i}`);
    fa.doc.transact(() => {
      for (const id of points)
        createEntity(fa.doc.getMap(TF_ROOT.points), id, fa.participantId, {
          text: id,
          group: '',
        });
    });
    await eventually(() => expect(readPoints(fb.doc)).toHaveLength(points.length));
    const [one, two] = await onTwoProcesses(code);
    const results = await Promise.all(
      points.map((pointId, i) => send(i % 2 ? one : two, { type: 'tf-vote', pointId, on: true })),
    );
    expect(kinds(results).filter((k) => k === 'ok')).toHaveLength(TF_PICKS);
    const picks = (doc: Y.Doc) => readPoints(doc).filter((p) => p.voters.length > 0).length;
    await onBoth([fa, fb], picks, TF_PICKS);
  });
});

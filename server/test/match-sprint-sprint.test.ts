import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, MS_ROOT } from '@twinspace/shared';
import {
  readProjects,
  readReviews,
  readSettings,
  readSprints,
  readTasks,
  sprintTasks,
} from '@twinspace/shared/boards/match-sprint/read';
import { readTimer } from '@twinspace/shared/boards/timer/read';
import { timerSeen } from '@twinspace/shared/boards/timer/timer';
import {
  addLink,
  addTask,
  ensureReview,
  moveTask,
} from '@twinspace/shared/boards/match-sprint/write';
import { eventually, fetchExport, type TestClient } from './harness.ts';
import { command, pairInMatch, setPhase, twoCityBoard } from './ms-helpers.ts';

/** Two cities, one confirmed project with a member of each city in its team. */
async function boardWithProject() {
  const ctx = await pairInMatch();
  const { facilitator, a, b, need, pot } = ctx;
  const linkId = addLink(facilitator.doc, facilitator.participantId, need, pot);
  await eventually(() => expect(b.doc.getMap(MS_ROOT.links).size).toBe(1));
  expect(
    await command(facilitator, { type: 'ms-confirm-link', linkId, title: 'Youth house exchange' }),
  ).toEqual({ type: 'ok' });
  await eventually(() => expect(readProjects(a.doc)).toHaveLength(1));
  const projectId = readProjects(a.doc)[0]!.id;
  for (const member of [a, b])
    expect(await command(member, { type: 'ms-join-team', projectId })).toEqual({ type: 'ok' });
  await setPhase(facilitator, 'sprint');
  await eventually(() => expect(Object.keys(readProjects(a.doc)[0]!.team)).toHaveLength(2));
  return { ...ctx, projectId };
}

const titles = (client: TestClient, sprint: number) =>
  readTasks(client.doc)
    .filter((t) => t.sprint === sprint)
    .map((t) => [t.title, t.status, t.carriedFrom !== ''] as const);

describe('Match & Sprint: sprints', () => {
  it('closing a sprint carries open tasks forward and keeps the history', async () => {
    const { facilitator, a, b, projectId } = await boardWithProject();
    const done = addTask(a.doc, a.participantId, {
      projectId,
      sprint: 1,
      title: 'Book the hall',
      assignee: a.participantId,
      due: '2025-05-01',
    });
    await eventually(() => expect(readTasks(b.doc)).toHaveLength(1)); // so b's task comes second
    addTask(b.doc, b.participantId, {
      projectId,
      sprint: 1,
      title: 'Invite youth workers',
      assignee: b.participantId,
    });
    await eventually(() => expect(readTasks(a.doc)).toHaveLength(2));
    moveTask(b.doc, done, 'done'); // any participant moves tasks across the columns
    await eventually(() =>
      expect(readTasks(facilitator.doc).find((t) => t.id === done)?.status).toBe('done'),
    );

    expect(await command(a, { type: 'ms-close-sprint' })).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    expect(await command(facilitator, { type: 'ms-close-sprint' })).toEqual({ type: 'ok' });
    await eventually(() => expect(readSettings(a.doc).currentSprint).toBe(2));
    expect(titles(a, 1)).toEqual([
      ['Book the hall', 'done', false],
      ['Invite youth workers', 'todo', false],
    ]);
    expect(titles(a, 2)).toEqual([['Invite youth workers', 'todo', true]]);
    const carried = readTasks(a.doc).find((t) => t.sprint === 2)!;
    expect(carried).toMatchObject({ owner: b.participantId, assignee: b.participantId, projectId });
    // The original is marked: the closed sprint's record, kept as it was (the gate's lockedWhen).
    const original = a.doc.getMap<Y.Map<unknown>>(MS_ROOT.tasks).get(carried.carriedFrom);
    expect(original?.get('carriedTo')).toBe(carried.id);
    expect(readSprints(a.doc).map((s) => [s.number, s.closedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('a task made on a phone offline across the close is on the new sprint’s board and carried at the next close', async () => {
    const { facilitator, a, b, projectId } = await boardWithProject();
    expect(await command(facilitator, { type: 'ms-close-sprint', sprint: 1 })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(readSettings(b.doc).currentSprint).toBe(2));
    // Anna's phone was offline when the sprint closed: the task she added there is for
    // sprint 1, the sprint her screen showed, and arrives once her link is back.
    const late = addTask(a.doc, a.participantId, {
      projectId,
      sprint: 1,
      title: 'Ask the mayor',
      assignee: a.participantId,
    });
    await eventually(() => expect(readTasks(b.doc).map((t) => t.id)).toContain(late));
    // Every screen shows it on sprint 2's board, as the board preview and action plan do.
    const board = sprintTasks(readTasks(b.doc), readSettings(b.doc).currentSprint);
    expect(board.map((t) => t.title)).toEqual(['Ask the mayor']);
    // The next close carries it on like any open task of the sprint closed.
    expect(await command(facilitator, { type: 'ms-close-sprint', sprint: 2 })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(readSettings(b.doc).currentSprint).toBe(3));
    expect(titles(b, 3)).toEqual([['Ask the mayor', 'todo', true]]);
    expect(sprintTasks(readTasks(b.doc), 3).map((t) => t.carriedFrom)).toEqual([late]);
  });

  it('the sprint timer runs in server time, the same on every screen', async () => {
    const { facilitator, a, b } = await twoCityBoard();
    const before = Date.now();
    expect(await command(a, { type: 'timer', action: 'start', durationMs: 60_000 })).toMatchObject({
      type: 'refused',
    });
    expect(
      await command(facilitator, {
        type: 'timer',
        action: 'start',
        durationMs: 60_000,
        label: 'Sprint 1',
      }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(readTimer(b.doc).running).toBe(true));
    const timer = readTimer(a.doc);
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(timer.endsAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(readTimer(b.doc)).toEqual(timer);
    expect(await command(facilitator, { type: 'timer', action: 'pause' })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readTimer(b.doc)).toMatchObject({ running: false, endsAt: null }),
    );
    expect(await command(facilitator, { type: 'timer', action: 'pause' })).toMatchObject({
      type: 'refused',
      reason: 'bad-value',
    });
    // The command of before the timer was shared, from a screen loaded before an update.
    expect(await command(facilitator, { type: 'ms-timer', action: 'reset' })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(readTimer(b.doc).remainingMs).toBeNull());
  });
});

describe('Match & Sprint: a review written in both cities at once', () => {
  it('keeps what each side wrote: the review exists before anyone types', async () => {
    const { facilitator, a, b, projectId } = await boardWithProject();
    await setPhase(facilitator, 'review');
    await eventually(() => expect(getMeta(b.doc).get('phase')).toBe('review'));
    // Anna (Minsk, her laptop offline) and Bernd (Dresden) each start the review of the
    // project's sprint before seeing the other's: each phone writes into the review it has.
    const write = (client: TestClient, words: string) => {
      const review = ensureReview(client.doc, client.participantId, projectId, 1);
      (review.get('done') as Y.Text).insert(0, words);
    };
    write(a, 'Hall booked. ');
    write(b, 'Youth workers met. ');
    await eventually(() => {
      for (const client of [facilitator, a, b]) {
        const done = readReviews(client.doc).find((r) => r.projectId === projectId)?.done ?? '';
        expect(done).toContain('Hall booked.');
        expect(done).toContain('Youth workers met.');
      }
    });
    // The next sprint's review is there too once the sprint closes.
    expect(await command(facilitator, { type: 'ms-close-sprint', sprint: 1 })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(
        readReviews(a.doc)
          .map((r) => r.sprint)
          .sort(),
      ).toEqual([1, 2]),
    );
  });
});

describe('Match & Sprint: a timer press that waited offline', () => {
  it('is refused, not applied, when the timer changed since the console saw it', async () => {
    const { facilitator } = await twoCityBoard();
    const start = { type: 'timer', action: 'start', durationMs: 600_000 } as const;
    expect(await command(facilitator, start)).toEqual({ type: 'ok' });
    await eventually(() => expect(readTimer(facilitator.doc).running).toBe(true));
    // The console's link drops; its facilitator presses Reset, which waits in the outbox
    // with the timer as that screen saw it (running, ending at `endsAt`).
    const seen = timerSeen(readTimer(facilitator.doc));
    // Meanwhile the co-host, online, pauses it and starts the next sprint's 30 minutes.
    expect(await command(facilitator, { type: 'timer', action: 'pause' })).toEqual({ type: 'ok' });
    expect(await command(facilitator, { ...start, durationMs: 1_800_000 })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(readTimer(facilitator.doc).remainingMs).toBe(1_800_000));
    // Back online, the waiting Reset arrives: it would stop the room's new timer.
    expect(await command(facilitator, { type: 'timer', action: 'reset', seen })).toMatchObject({
      type: 'refused',
      reason: 'changed',
    });
    expect(readTimer(facilitator.doc)).toMatchObject({ running: true, remainingMs: 1_800_000 });
    // A press on the timer as it is goes through.
    const now = timerSeen(readTimer(facilitator.doc));
    expect(await command(facilitator, { type: 'timer', action: 'pause', seen: now })).toEqual({
      type: 'ok',
    });
  });
});

describe('Match & Sprint: a phase change that waited offline', () => {
  it('does not move the board back when the phase moved on since the console saw it', async () => {
    const { facilitator, a } = await twoCityBoard();
    // The console, offline in 'prepare', moves the board to the match: it waits in the outbox.
    const waiting = { type: 'set-phase', phase: 'match', from: 'prepare' } as const;
    // Meanwhile the co-host moved on to the match, then to the sprint.
    await setPhase(facilitator, 'match');
    await setPhase(facilitator, 'sprint');
    // Back online, the waiting press arrives: it would take everyone back to the match.
    expect(await command(facilitator, waiting)).toMatchObject({
      type: 'refused',
      reason: 'changed',
    });
    await eventually(() => expect(getMeta(a.doc).get('phase')).toBe('sprint'));
    expect(getMeta(facilitator.doc).get('phase')).toBe('sprint');
    // Where it already is, or from the phase it is in, a change goes through.
    expect(await command(facilitator, { ...waiting, phase: 'sprint' })).toEqual({ type: 'ok' });
    expect(
      await command(facilitator, { type: 'set-phase', phase: 'review', from: 'sprint' }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(getMeta(a.doc).get('phase')).toBe('review'));
  });
});

describe('Match & Sprint: exports', () => {
  it('the action plan (Markdown) and the tasks (CSV) name projects, teams, tasks, owners, dates and cities', async () => {
    const { server, board, facilitator, a, b, projectId } = await boardWithProject();
    addTask(a.doc, a.participantId, {
      projectId,
      sprint: 1,
      title: 'Book the hall',
      assignee: a.participantId,
      due: '2025-05-01',
    });
    await eventually(() => expect(readTasks(b.doc)).toHaveLength(1)); // so b's task comes second
    addTask(b.doc, b.participantId, {
      projectId,
      sprint: 1,
      // A leading @ is a formula to a spreadsheet; `*` and `_` would be emphasis in Markdown.
      title: '@Invite, "youth" *workers_',
      assignee: b.participantId,
      due: '2025-05-15',
    });
    await eventually(() => expect(readTasks(facilitator.doc)).toHaveLength(2));
    await setPhase(facilitator, 'review');
    await eventually(() => expect(a.doc.getMap('meta').get('phase')).toBe('review'));
    const review = ensureReview(a.doc, a.participantId, projectId, 1);
    (review.get('done') as Y.Text).insert(0, 'Hall booked');
    (review.get('next') as Y.Text).insert(0, 'Exchange in autumn');
    await eventually(() => expect(facilitator.doc.getMap(MS_ROOT.reviews).size).toBe(1));
    await eventually(() =>
      expect(readReviews(facilitator.doc)[0]?.next).toBe('Exchange in autumn'),
    );

    const mdRes = await fetchExport(server.url, board, 'export.md');
    expect(mdRes.status).toBe(200);
    expect(mdRes.headers.get('content-type')).toContain('text/markdown');
    const md = await mdRes.text();
    expect(md).toContain('# Twin City Booster: joint action plan');
    expect(md).toContain('Cities: Minsk, Dresden');
    expect(md).toContain('## Youth house exchange');
    expect(md).toContain(
      'Matched from: Rooms for youth clubs (need, Minsk) ↔ Jugendhaus (potential, Dresden)',
    );
    expect(md).toContain('- Dresden: Bernd');
    expect(md).toContain('- Minsk: Anna');
    expect(md).toContain('Both sides are in the team.');
    expect(md).toContain('| 1 | Book the hall | Anna | Minsk | 2025-05-01 | to do |');
    expect(md).toContain('- What was done: Hall booked');
    expect(md).toContain('- What is next: Exchange in autumn');
    expect(md).toMatch(/### Minsk\n\n- Book the hall, Youth house exchange: Anna, due 2025-05-01/);
    expect(md).toMatch(
      /### Dresden\n\n- @Invite, "youth" \\\*workers\\_, Youth house exchange: Bernd, due 2025-05-15/,
    );

    const csvRes = await fetchExport(server.url, board, 'export.csv');
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const rows = (await csvRes.text()).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'project,sprint,task,owner,owner_city,due,status,carried_forward',
      'Youth house exchange,1,Book the hall,Anna,Minsk,2025-05-01,todo,no',
      'Youth house exchange,1,"\'@Invite, ""youth"" *workers_",Bernd,Dresden,2025-05-15,todo,no',
    ]);
  });
});

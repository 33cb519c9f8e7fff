import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getPeople } from '../boards/common.ts';
import { MS_ROOT } from '../boards/match-sprint/layout.ts';
import { readMsCards, readProjects, readTasks } from '../boards/match-sprint/read.ts';
import { addMsCard, addTask, ensureReview } from '../boards/match-sprint/write.ts';
import { addAction, createTopic } from '../boards/open-space/write.ts';
import { readActions } from '../boards/open-space/read.ts';
import { applyCarry, carryable, carriedId, CARRIED_OWNER, type SourceBoard } from './carry.ts';

const person = (doc: Y.Doc, id: string, name: string): void => {
  const entity = new Y.Map<unknown>();
  entity.set('name', name);
  entity.set('role', 'participant');
  getPeople(doc).set(id, entity);
};

const source = (code: string, title: string): SourceBoard => {
  const doc = new Y.Doc();
  person(doc, 'anna000001', 'Anna');
  return { code, title, doc };
};

const now = 1_700_000_000_000;

describe('carry forward: open tasks of a board whose sprint closed', () => {
  it('offers each open task once: its copy in the current sprint, not the closed sprint’s original too', () => {
    const booster = source('BOOST3', 'Match & Sprint');
    const p = 'project001';
    booster.doc
      .getMap(MS_ROOT.projects)
      .set(p, new Y.Map(Object.entries({ title: 'Youth house', owner: 'x', createdAt: 1 })));
    const first = addTask(booster.doc, 'anna000001', { projectId: p, sprint: 1, title: 'Venue' });
    // ms-close-sprint: the copy in sprint 2, the original kept as sprint 1's record.
    const copy = addTask(booster.doc, 'anna000001', { projectId: p, sprint: 2, title: 'Venue' });
    const tasks = booster.doc.getMap<Y.Map<unknown>>(MS_ROOT.tasks);
    tasks.get(copy)!.set('carriedFrom', first);
    tasks.get(first)!.set('carriedTo', copy);
    booster.doc.getMap(MS_ROOT.settings).set('currentSprint', 2);
    expect(carryable('ms-open-tasks', booster).map((i) => i.id)).toEqual([copy]);
  });
});

describe('carry forward rules', () => {
  it('copies a city workshop card into the joint board with its author and workshop', () => {
    const minsk = source('MINSK2', 'Initiative workshop Minsk');
    const id = addMsCard(minsk.doc, 'anna000001', {
      city: 'Minsk',
      kind: 'need',
      title: 'A youth house',
      description: 'for exchanges',
      themes: ['theme1'],
    });
    const joint = new Y.Doc();
    expect(applyCarry(joint, minsk, { rule: 'ms-cards', items: [id], now })).toEqual({
      copied: [id],
      skipped: [],
    });
    const [card] = readMsCards(joint);
    expect(card).toMatchObject({
      id: carriedId('MINSK2', id),
      owner: CARRIED_OWNER,
      city: 'Minsk',
      kind: 'need',
      title: 'A youth house',
      description: 'for exchanges',
      themes: [], // the workshop's theme ids mean nothing on another board
      origin: {
        author: 'Anna',
        board: 'MINSK2',
        boardTitle: 'Initiative workshop Minsk',
        from: id,
      },
    });
  });

  it('copies nothing twice: a retried or repeated call skips what is there', () => {
    const minsk = source('MINSK2', 'Minsk');
    const id = addMsCard(minsk.doc, 'anna000001', {
      city: 'Minsk',
      kind: 'idea',
      title: 'x',
      themes: [],
    });
    const joint = new Y.Doc();
    applyCarry(joint, minsk, { rule: 'ms-cards', items: [id], now });
    const before = Y.encodeStateAsUpdate(joint);
    expect(applyCarry(joint, minsk, { rule: 'ms-cards', items: [id, id], now: now + 1 })).toEqual({
      copied: [],
      skipped: [id],
    });
    expect(Y.encodeStateAsUpdate(joint)).toEqual(before);
  });

  it('refuses the whole call when one id is not on the source board (nothing written)', () => {
    const minsk = source('MINSK2', 'Minsk');
    const id = addMsCard(minsk.doc, 'anna000001', {
      city: 'Minsk',
      kind: 'idea',
      title: 'x',
      themes: [],
    });
    const joint = new Y.Doc();
    const out = applyCarry(joint, minsk, { rule: 'ms-cards', items: [id, 'forged-id-1'], now });
    expect(out).toMatchObject({ refused: 'not-found' });
    expect(joint.getMap(MS_ROOT.cards).size).toBe(0);
  });

  it("turns a session's open action items into tasks of a project named after the session", () => {
    const kyiv = source('KYIV22', 'Open Space Kyiv');
    const topic = createTopic(kyiv.doc, 'anna000001', {
      title: 'Green courtyards',
      description: '',
      language: 'uk',
      tags: [],
      convener: 'Anna',
    })!;
    addAction(kyiv.doc, 'anna000001', topic, 'Map the courtyards', 'Olek');
    addAction(kyiv.doc, 'anna000001', topic, 'Already done', '');
    const done = readActions(kyiv.doc).find((a) => a.text === 'Already done')!;
    kyiv.doc.getMap<Y.Map<unknown>>('actions').get(done.id)!.set('done', true);
    const offered = carryable('os-actions', kyiv);
    expect(offered.map((i) => [i.title, i.group, i.author])).toEqual([
      ['Map the courtyards', 'Green courtyards', 'Anna'],
    ]);
    const sprint = new Y.Doc();
    applyCarry(sprint, kyiv, { rule: 'os-actions', items: [offered[0]!.id], now });
    const [project] = readProjects(sprint);
    expect(project?.title).toBe('Green courtyards');
    expect(readTasks(sprint)).toMatchObject([
      {
        title: 'Map the courtyards',
        projectId: project!.id,
        status: 'todo',
        sprint: 1,
        origin: { author: 'Anna', boardTitle: 'Open Space Kyiv' },
      },
    ]);
  });

  it('carries open tasks (not done ones) and each line of the next steps, into one chosen project', () => {
    const booster = source('SPRINT', 'Match & Sprint');
    const p = 'project001';
    booster.doc
      .getMap(MS_ROOT.projects)
      .set(p, new Y.Map(Object.entries({ title: 'Youth house', owner: 'x', createdAt: 1 })));
    const open = addTask(booster.doc, 'anna000001', {
      projectId: p,
      sprint: 1,
      title: 'Find a venue',
      due: '2026-03-01',
    });
    const closed = addTask(booster.doc, 'anna000001', {
      projectId: p,
      sprint: 1,
      title: 'Done thing',
    });
    booster.doc.getMap<Y.Map<unknown>>(MS_ROOT.tasks).get(closed)!.set('status', 'done');
    (ensureReview(booster.doc, 'anna000001', p, 1).get('next') as Y.Text).insert(
      0,
      '- Apply for funding\n\n- Visit Dresden',
    );
    expect(carryable('ms-open-tasks', booster).map((i) => i.id)).toEqual([open]);
    const steps = carryable('ms-next-steps', booster);
    expect(steps.map((s) => s.title)).toEqual(['Apply for funding', 'Visit Dresden']);

    const succeed = new Y.Doc();
    succeed
      .getMap(MS_ROOT.projects)
      .set('target0001', new Y.Map(Object.entries({ title: 'T', owner: 'x', createdAt: 1 })));
    applyCarry(succeed, booster, {
      rule: 'ms-open-tasks',
      items: [open],
      project: 'target0001',
      now,
    });
    applyCarry(succeed, booster, {
      rule: 'ms-next-steps',
      items: steps.map((s) => s.id),
      project: 'target0001',
      now,
    });
    const tasks = readTasks(succeed);
    // Copies made in one call share their time: their order among themselves is the ids'.
    expect(tasks.map((t) => [t.title, t.projectId, t.due]).sort()).toEqual([
      ['Apply for funding', 'target0001', ''],
      ['Find a venue', 'target0001', '2026-03-01'],
      ['Visit Dresden', 'target0001', ''],
    ]);
    expect(
      applyCarry(succeed, booster, {
        rule: 'ms-open-tasks',
        items: [open],
        project: 'nosuchproj',
        now,
      }),
    ).toMatchObject({ refused: 'not-found' });
  });

  it('keeps the first origin when a copy is carried again', () => {
    const minsk = source('MINSK2', 'Minsk workshop');
    const id = addMsCard(minsk.doc, 'anna000001', {
      city: 'Minsk',
      kind: 'idea',
      title: 'x',
      themes: [],
    });
    const joint: SourceBoard = { code: 'JOINT3', title: 'Joint', doc: new Y.Doc() };
    applyCarry(joint.doc, minsk, { rule: 'ms-cards', items: [id], now });
    const next = new Y.Doc();
    applyCarry(next, joint, { rule: 'ms-cards', items: [carriedId('MINSK2', id)], now });
    expect(readMsCards(next)[0]?.origin).toMatchObject({
      author: 'Anna',
      boardTitle: 'Minsk workshop',
    });
  });
});

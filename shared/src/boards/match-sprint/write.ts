import * as Y from 'yjs';
import { createEntity, getMeta } from '../common.ts';
import { newEntityId } from '../../ids.ts';
import { MS_ROOT, type CardKind } from './layout.ts';
import { readCities, readTasks, reviewId, type TaskStatus } from './read.ts';

/**
 * Document edits the Match & Sprint screens make (and tests make the same way). Each is
 * one transaction, and each writes only what the rule model lets its author write.
 */
export const MIN_CITIES = 2;
export const MAX_CITIES = 8;
const COLORS = [
  '#1d4ed8',
  '#b45309',
  '#047857',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
];

const map = (doc: Y.Doc, root: string): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(root);

/**
 * The facilitator names the cities. A city's name is its key (cards, tickets and the
 * people directory carry it), so the cities collection and meta.cities (read by the join
 * form) are written together here, in one transaction: they cannot drift apart.
 */
export function writeCities(doc: Y.Doc, owner: string, names: readonly string[]): void {
  const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))].slice(
    0,
    MAX_CITIES,
  );
  doc.transact(() => {
    const cities = map(doc, MS_ROOT.cities);
    const existing = new Map(readCities(doc).map((c) => [c.name, c.id]));
    for (const [name, id] of existing) if (!wanted.includes(name)) cities.delete(id);
    wanted.forEach((name, order) => {
      const id = existing.get(name);
      const entity = id === undefined ? undefined : cities.get(id);
      if (entity) {
        if (entity.get('order') !== order) entity.set('order', order);
      } else {
        createEntity(cities, newEntityId(), owner, {
          name,
          order,
          color: COLORS[order % COLORS.length],
        });
      }
    });
    const meta = getMeta(doc);
    meta.set('cities', wanted);
    if (meta.get('askCity') !== true) meta.set('askCity', true);
  });
}

export function addTheme(doc: Y.Doc, owner: string, label: string, language: string): string {
  const id = newEntityId();
  doc.transact(() =>
    createEntity(map(doc, MS_ROOT.themes), id, owner, {
      label: label.trim(),
      labels: { [language]: label.trim() },
    }),
  );
  return id;
}

export interface NewCard {
  city: string;
  kind: CardKind;
  title: string;
  description?: string | undefined;
  themes: readonly string[];
  language?: string | undefined;
}

export function addMsCard(doc: Y.Doc, owner: string, card: NewCard): string {
  const id = newEntityId();
  const fields: Record<string, unknown> = {
    city: card.city,
    kind: card.kind,
    title: card.title.trim(),
    themes: [...card.themes],
  };
  if (card.description?.trim()) fields['description'] = card.description.trim();
  if (card.language) fields['language'] = card.language;
  doc.transact(() => createEntity(map(doc, MS_ROOT.cards), id, owner, fields));
  return id;
}

export function addLink(doc: Y.Doc, owner: string, from: string, to: string, note = ''): string {
  const id = newEntityId();
  doc.transact(() =>
    createEntity(map(doc, MS_ROOT.links), id, owner, note ? { from, to, note } : { from, to }),
  );
  return id;
}

export interface NewTask {
  projectId: string;
  sprint: number;
  title: string;
  assignee?: string | undefined;
  due?: string | undefined;
}

export function addTask(doc: Y.Doc, owner: string, task: NewTask): string {
  const id = newEntityId();
  const last = readTasks(doc).filter(
    (t) => t.projectId === task.projectId && t.sprint === task.sprint,
  );
  const order = last.reduce((max, t) => Math.max(max, t.order), 0) + 1;
  const fields: Record<string, unknown> = {
    projectId: task.projectId,
    sprint: task.sprint,
    title: task.title.trim(),
    status: 'todo',
    order,
  };
  if (task.assignee) fields['assignee'] = task.assignee;
  if (task.due) fields['due'] = task.due;
  doc.transact(() => createEntity(map(doc, MS_ROOT.tasks), id, owner, fields));
  return id;
}

/** Moves a task to a column (and a place in it: `order` between its neighbours). */
export function moveTask(doc: Y.Doc, taskId: string, status: TaskStatus, order?: number): void {
  const task = map(doc, MS_ROOT.tasks).get(taskId);
  if (!task) return;
  doc.transact(() => {
    if (task.get('status') !== status) task.set('status', status);
    if (order !== undefined && task.get('order') !== order) task.set('order', order);
  });
}

/** A project's new name (the team's or the facilitator's); blank names are ignored. */
export function renameProject(doc: Y.Doc, projectId: string, title: string): void {
  const project = map(doc, MS_ROOT.projects).get(projectId);
  const name = title.trim().slice(0, 120);
  if (project && name && project.get('title') !== name) project.set('title', name);
}

/** The review of a project's sprint, created on first use with its three texts. */
export function ensureReview(
  doc: Y.Doc,
  owner: string,
  projectId: string,
  sprint: number,
): Y.Map<unknown> {
  const reviews = map(doc, MS_ROOT.reviews);
  const id = reviewId(projectId, sprint);
  const existing = reviews.get(id);
  if (existing) return existing;
  doc.transact(() =>
    createEntity(reviews, id, owner, {
      projectId,
      sprint,
      done: new Y.Text(),
      worked: new Y.Text(),
      next: new Y.Text(),
    }),
  );
  return reviews.get(id)!;
}

export function vote(doc: Y.Doc, owner: string, target: string): string {
  const id = newEntityId();
  doc.transact(() => createEntity(map(doc, MS_ROOT.votes), id, owner, { target }));
  return id;
}

export function setSetting(
  doc: Y.Doc,
  key: 'hideSidesUntilMatch' | 'equalCityWeight' | 'showTopFive',
  value: boolean,
): void {
  doc.getMap<unknown>(MS_ROOT.settings).set(key, value);
}

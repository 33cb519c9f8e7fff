import * as Y from 'yjs';
import type { BoardKind } from '../boards/common.ts';
import { readPeople } from '../boards/common.ts';
import { MS_ROOT } from '../boards/match-sprint/layout.ts';
import {
  readMsCards,
  readProjects,
  readReviews,
  readSettings,
  readTasks,
  sprintTasks,
} from '../boards/match-sprint/read.ts';
import { readModSettings } from '../boards/moderation/read.ts';
import { OS_ROOT } from '../boards/open-space/layout.ts';
import { readActions, readTopics } from '../boards/open-space/read.ts';
import { CREATED_FIELD, OWNER_FIELD } from '../rules/model.ts';
import { ORIGIN_FIELD, readOrigin, type CarryOrigin } from './origin.ts';
import type { CarryItem, CarryResult } from './types.ts';

/**
 * Carry forward (docs/events.md): the facilitator copies chosen content from one board of an
 * event into another. What maps to what is data: each rule names the source board kind and
 * part, the target kind, and whether the copy becomes a card or a project task.
 */
export const CARRY_RULES = {
  /** Each city's initiative-workshop cards into the joint Match & Sprint board. */
  'ms-cards': { from: 'match-sprint', part: MS_ROOT.cards, to: 'match-sprint', into: 'card' },
  /** An Open Space session's open action items into a Match & Sprint project. */
  'os-actions': { from: 'open-space', part: OS_ROOT.actions, to: 'match-sprint', into: 'task' },
  /** A sprint's open tasks into the next workshop's project. */
  'ms-open-tasks': { from: 'match-sprint', part: MS_ROOT.tasks, to: 'match-sprint', into: 'task' },
  /** The review's next steps (one per line) into the next workshop's project. */
  'ms-next-steps': {
    from: 'match-sprint',
    part: MS_ROOT.reviews,
    to: 'match-sprint',
    into: 'task',
  },
} as const satisfies Record<
  string,
  { from: BoardKind; part: string; to: BoardKind; into: 'card' | 'task' }
>;
export type CarryRuleName = keyof typeof CARRY_RULES;
export const CARRY_RULE_NAMES = Object.keys(CARRY_RULES) as [CarryRuleName, ...CarryRuleName[]];

/** Most items one call copies (a retried or hostile call cannot grow a board without end). */
export const CARRY_MAX_ITEMS = 50;

/** The owner of carried entities: no participant id has a '-' (ids.ts), so nobody owns them but the facilitator. */
export const CARRIED_OWNER = 'carried-forward';

/** A source item with everything the copy needs. */
interface SourceItem extends CarryItem {
  /** The project or session it belongs to (a new target project is named after it). */
  groupId: string;
  origin: CarryOrigin;
  fields: Record<string, unknown>;
}

export interface SourceBoard {
  code: string;
  title: string;
  doc: Y.Doc;
}

const nameOf = (doc: Y.Doc) => {
  const people = readPeople(doc);
  return (id: string): string => people.get(id)?.name ?? '';
};

/** The entity's own origin when it was carried already (the first author stays), else this board. */
function originOf(src: SourceBoard, part: string, id: string, author: string): CarryOrigin {
  const entity = src.doc.getMap<unknown>(part).get(id);
  const earlier = entity instanceof Y.Map ? readOrigin(entity.get(ORIGIN_FIELD)) : null;
  return earlier ?? { author, board: src.code, boardTitle: src.title, from: id };
}

function msCards(src: SourceBoard): SourceItem[] {
  const name = nameOf(src.doc);
  return readMsCards(src.doc).map((c) => ({
    id: c.id,
    title: c.title,
    author: name(c.owner),
    group: c.city,
    groupId: c.city,
    origin: originOf(src, MS_ROOT.cards, c.id, name(c.owner)),
    fields: {
      city: c.city,
      kind: c.kind,
      title: c.title,
      description: c.description,
      language: c.language,
      themes: [],
    },
  }));
}

function osActions(src: SourceBoard): SourceItem[] {
  const name = nameOf(src.doc);
  const topics = new Map(readTopics(src.doc).map((t) => [t.id, t.title]));
  return readActions(src.doc)
    .filter((a) => !a.done && a.text.trim())
    .map((a) => ({
      id: a.id,
      title: a.text.slice(0, 200),
      author: name(a.owner),
      group: topics.get(a.topicId) ?? '',
      groupId: a.topicId,
      origin: originOf(src, OS_ROOT.actions, a.id, name(a.owner)),
      fields: { title: a.text.slice(0, 200), due: a.due },
    }));
}

function msOpenTasks(src: SourceBoard): SourceItem[] {
  const name = nameOf(src.doc);
  const projects = new Map(readProjects(src.doc).map((p) => [p.id, p.title]));
  // The current sprint's board: a task carried into it is offered once (its copy), not
  // again as the closed sprint's original; one left behind by a late arrival is offered too.
  return sprintTasks(readTasks(src.doc), readSettings(src.doc).currentSprint)
    .filter((t) => t.status !== 'done')
    .map((t) => ({
      id: t.id,
      title: t.title,
      author: name(t.owner),
      group: projects.get(t.projectId) ?? '',
      groupId: t.projectId,
      origin: originOf(src, MS_ROOT.tasks, t.id, name(t.owner)),
      fields: { title: t.title, due: t.due },
    }));
}

/** Each non-empty line of a review's "next steps" is an item: `<review id>_<line>`. */
function msNextSteps(src: SourceBoard): SourceItem[] {
  const projects = new Map(readProjects(src.doc).map((p) => [p.id, p.title]));
  return readReviews(src.doc).flatMap((r) =>
    r.next
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
      .flatMap((line, i) => {
        if (!line) return [];
        const id = `${r.id}_${i}`.slice(0, 64);
        const group = projects.get(r.projectId) ?? '';
        // A review is written by the whole team together: no one author.
        const origin = { author: '', board: src.code, boardTitle: src.title, from: id };
        return [
          {
            id,
            title: line.slice(0, 200),
            author: '',
            group,
            groupId: r.projectId,
            origin,
            fields: { title: line.slice(0, 200), due: '' },
          },
        ];
      }),
  );
}

const SOURCES: Record<CarryRuleName, (src: SourceBoard) => SourceItem[]> = {
  'ms-cards': msCards,
  'os-actions': osActions,
  'ms-open-tasks': msOpenTasks,
  'ms-next-steps': msNextSteps,
};

/** What a source board offers under a rule, for the facilitator to choose from. */
export const carryable = (rule: CarryRuleName, src: SourceBoard): CarryItem[] =>
  SOURCES[rule](src).map(({ id, title, author, group }) => ({ id, title, author, group }));

/** A 53-bit string hash (cyrb53): stable ids for copies, so a copy is made once. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The id of the copy of `itemId` from board `source`: the same every time, so a retried
 * or repeated carry finds its earlier copy and skips it (idempotent).
 */
export const carriedId = (source: string, itemId: string): string => `cf-${source}-${hash(itemId)}`;

/** Which of `items` (ids on the source board `source`) `target` already holds a copy of. */
export function alreadyCarried(
  rule: CarryRuleName,
  target: Y.Doc,
  source: string,
  items: readonly CarryItem[],
): CarryItem[] {
  const part = CARRY_RULES[rule].into === 'card' ? MS_ROOT.cards : MS_ROOT.tasks;
  const collection = target.getMap<unknown>(part);
  return items.map((item) => ({ ...item, carried: collection.has(carriedId(source, item.id)) }));
}

export type CarryRefusal = { refused: 'not-found' | 'bad-value'; detail: string };

export interface CarryRequest {
  rule: CarryRuleName;
  items: readonly string[];
  /** The target project tasks go into; without it, one per source project or session. */
  project?: string | undefined;
  now: number;
}

function newEntity(fields: Record<string, unknown>, now: number): Y.Map<unknown> {
  const entity = new Y.Map<unknown>();
  entity.set(OWNER_FIELD, CARRIED_OWNER);
  entity.set(CREATED_FIELD, now);
  for (const [key, value] of Object.entries(fields)) entity.set(key, value);
  return entity;
}

/** The target project of an item: the one named, or a copy of its source project (made once). */
function projectFor(target: Y.Doc, src: SourceBoard, item: SourceItem, now: number): string {
  const projects = target.getMap<unknown>(MS_ROOT.projects);
  const id = carriedId(src.code, `project:${item.groupId}`);
  if (!projects.has(id)) {
    const title = (item.group || src.title).slice(0, 120);
    const origin = { author: '', board: src.code, boardTitle: src.title, from: item.groupId };
    projects.set(
      id,
      newEntity({ title, linkId: '', cards: [], team: {}, [ORIGIN_FIELD]: origin }, now),
    );
  }
  return id;
}

/**
 * Writes the chosen items of `src` into `target` (the room's document, inside its write
 * path). Unknown ids refuse the whole call (nothing written); items copied before are
 * skipped. Pure: the server calls it inside Room.writeArbitrated.
 */
export function applyCarry(
  target: Y.Doc,
  src: SourceBoard,
  req: CarryRequest,
): CarryResult | CarryRefusal {
  const rule = CARRY_RULES[req.rule];
  const offered = new Map(SOURCES[req.rule](src).map((item) => [item.id, item]));
  const chosen = [...new Set(req.items)].map((id) => offered.get(id));
  if (chosen.some((item) => !item))
    return { refused: 'not-found', detail: 'an item is not on the source board' };
  if (
    req.project !== undefined &&
    !(target.getMap(MS_ROOT.projects).get(req.project) instanceof Y.Map)
  )
    return { refused: 'not-found', detail: 'no such project on the target board' };
  const part = rule.into === 'card' ? MS_ROOT.cards : MS_ROOT.tasks;
  const collection = target.getMap<unknown>(part);
  const sprint = readSettings(target).currentSprint;
  const anonymous = readModSettings(target).anonymous;
  const result: CarryResult = { copied: [], skipped: [] };
  for (const [i, item] of chosen.entries()) {
    if (!item) continue;
    const id = carriedId(src.code, item.id);
    if (collection.has(id)) {
      result.skipped.push(item.id);
      continue;
    }
    // An anonymous board holds no one's name (SPEC R25), a source board's author's included.
    const origin = anonymous ? { ...item.origin, author: '' } : item.origin;
    const fields: Record<string, unknown> = { ...item.fields, [ORIGIN_FIELD]: origin };
    if (rule.into === 'task') {
      fields['projectId'] = req.project ?? projectFor(target, src, item, req.now);
      fields['sprint'] = sprint;
      fields['status'] = 'todo';
      fields['assignee'] = '';
      fields['order'] = req.now + i;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(fields['due']))) fields['due'] = '';
    }
    collection.set(id, newEntity(fields, req.now));
    result.copied.push(item.id);
  }
  return result;
}

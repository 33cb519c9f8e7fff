import * as Y from 'yjs';
import { CREATED_FIELD, OWNER_FIELD } from '../../rules/model.ts';
import { readTranslations } from '../translations.ts';
import { CARD_KINDS, MS_ROOT, type CardKind } from './layout.ts';
import { ORIGIN_FIELD, readOrigin, type CarryOrigin } from '../../events/origin.ts';

/**
 * Typed reads of the Match & Sprint document, shared by the server (commands, exports)
 * and the client (store). Entities with a missing or mistyped required field are skipped:
 * the rules check types, but a field can still be absent. Every list is sorted, so a read
 * never depends on the order Yjs iterates in.
 */
export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const LINK_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface MsCity {
  id: string;
  name: string;
  country: string;
  color: string;
  order: number;
}
export interface MsTheme {
  id: string;
  label: string;
  /** Labels by language tag; matching goes by theme id, so it works across languages. */
  labels: Record<string, string>;
}
export interface MsCard {
  id: string;
  owner: string;
  createdAt: number;
  city: string;
  kind: CardKind;
  title: string;
  description: string;
  themes: string[];
  language: string;
  /** Carried forward from another board of the event (docs/events.md), else null. */
  origin: CarryOrigin | null;
}
export interface MsLink {
  id: string;
  owner: string;
  createdAt: number;
  from: string;
  to: string;
  note: string;
  status: LinkStatus;
  projectId: string;
}
export interface MsProject {
  id: string;
  createdAt: number;
  title: string;
  description: string;
  linkId: string;
  cards: string[];
  /** Member participant id -> the city they joined as (written by the server). */
  team: Record<string, string>;
  origin: CarryOrigin | null;
}
export interface MsTask {
  id: string;
  owner: string;
  createdAt: number;
  projectId: string;
  sprint: number;
  title: string;
  assignee: string;
  due: string;
  status: TaskStatus;
  order: number;
  carriedFrom: string;
  origin: CarryOrigin | null;
}
export interface MsSprint {
  id: string;
  number: number;
  label: string;
  closedAt: number | null;
}
export interface MsReview {
  id: string;
  projectId: string;
  sprint: number;
  done: string;
  worked: string;
  next: string;
}
export interface MsSettings {
  hideSidesUntilMatch: boolean;
  equalCityWeight: boolean;
  currentSprint: number;
  /** The projector shows the Top five wall instead of the phase view. */
  showTopFive: boolean;
}
export interface MsVote {
  id: string;
  owner: string;
  target: string;
}
export interface MsTranslation {
  /** The card id the translation belongs to. */
  cardId: string;
  language: string;
  title: string;
  text: string;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const textOf = (v: unknown): string => (v instanceof Y.Text ? v.toJSON() : str(v));
const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const byCreated = <T extends { id: string; createdAt: number }>(a: T, b: T): number =>
  a.createdAt - b.createdAt || byId(a, b);

function entities<T>(
  doc: Y.Doc,
  root: string,
  read: (e: Y.Map<unknown>, id: string) => T | null,
): T[] {
  const out: T[] = [];
  doc.getMap<unknown>(root).forEach((entity, id) => {
    if (!(entity instanceof Y.Map)) return;
    const item = read(entity as Y.Map<unknown>, id);
    if (item !== null) out.push(item);
  });
  return out;
}

export function readCities(doc: Y.Doc): MsCity[] {
  return entities(doc, MS_ROOT.cities, (e, id) => {
    const name = str(e.get('name')).trim();
    if (!name) return null;
    return {
      id,
      name,
      country: str(e.get('country')),
      color: str(e.get('color')),
      order: num(e.get('order')),
    };
  }).sort((a, b) => a.order - b.order || byId(a, b));
}

export function readThemes(doc: Y.Doc): MsTheme[] {
  return entities(doc, MS_ROOT.themes, (e, id) => {
    const label = str(e.get('label')).trim();
    if (!label) return null;
    const raw = e.get('labels');
    const labels: Record<string, string> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [lang, text] of Object.entries(raw))
        if (typeof text === 'string' && text) labels[lang] = text;
    }
    return { id, label, labels };
  }).sort((a, b) => a.label.localeCompare(b.label) || byId(a, b));
}

const isKind = (v: unknown): v is CardKind => (CARD_KINDS as readonly unknown[]).includes(v);

export function readMsCards(doc: Y.Doc): MsCard[] {
  return entities(doc, MS_ROOT.cards, (e, id) => {
    const kind = e.get('kind');
    const city = str(e.get('city'));
    const title = str(e.get('title')).trim();
    if (!isKind(kind) || !city || !title) return null;
    return {
      id,
      owner: str(e.get(OWNER_FIELD)),
      createdAt: num(e.get(CREATED_FIELD)),
      city,
      kind,
      title,
      description: str(e.get('description')),
      themes: [...new Set(strings(e.get('themes')))].sort(),
      language: str(e.get('language')),
      origin: readOrigin(e.get(ORIGIN_FIELD)),
    };
  }).sort(byCreated);
}

export function readLinks(doc: Y.Doc): MsLink[] {
  return entities(doc, MS_ROOT.links, (e, id) => {
    const from = str(e.get('from'));
    const to = str(e.get('to'));
    if (!from || !to) return null;
    const status = e.get('status');
    return {
      id,
      owner: str(e.get(OWNER_FIELD)),
      createdAt: num(e.get(CREATED_FIELD)),
      from,
      to,
      note: str(e.get('note')),
      status: (LINK_STATUSES as readonly unknown[]).includes(status)
        ? (status as LinkStatus)
        : 'proposed',
      projectId: str(e.get('projectId')),
    };
  }).sort(byCreated);
}

function readTeam(v: unknown): Record<string, string> {
  const team: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [pid, city] of Object.entries(v)) if (typeof city === 'string') team[pid] = city;
  }
  return team;
}

export function readProjects(doc: Y.Doc): MsProject[] {
  return entities(doc, MS_ROOT.projects, (e, id) => {
    const title = str(e.get('title')).trim();
    if (!title) return null;
    return {
      id,
      createdAt: num(e.get(CREATED_FIELD)),
      title,
      description: str(e.get('description')),
      linkId: str(e.get('linkId')),
      cards: strings(e.get('cards')),
      team: readTeam(e.get('team')),
      origin: readOrigin(e.get(ORIGIN_FIELD)),
    };
  }).sort(byCreated);
}

const isStatus = (v: unknown): v is TaskStatus => (TASK_STATUSES as readonly unknown[]).includes(v);

export function readTasks(doc: Y.Doc): MsTask[] {
  return entities(doc, MS_ROOT.tasks, (e, id) => {
    const projectId = str(e.get('projectId'));
    const title = str(e.get('title')).trim();
    if (!projectId || !title) return null;
    const status = e.get('status');
    return {
      id,
      owner: str(e.get(OWNER_FIELD)),
      createdAt: num(e.get(CREATED_FIELD)),
      projectId,
      sprint: num(e.get('sprint'), 1),
      title,
      assignee: str(e.get('assignee')),
      due: str(e.get('due')),
      status: isStatus(status) ? status : 'todo',
      order: num(e.get('order')),
      carriedFrom: str(e.get('carriedFrom')),
      origin: readOrigin(e.get(ORIGIN_FIELD)),
    };
  }).sort((a, b) => a.order - b.order || byCreated(a, b));
}

/**
 * The tasks on sprint `current`'s board: its own, and the open ones of an earlier sprint
 * that no close carried forward. Those were made (or reopened) on a device offline across
 * the close, for the sprint its screen showed: the close could not copy what had not
 * arrived. Every screen, the board preview and the action plan show them in the current
 * sprint, and ms-close-sprint carries them on with the sprint's own.
 */
export function sprintTasks(tasks: readonly MsTask[], current: number): MsTask[] {
  const carried = new Set(tasks.map((t) => t.carriedFrom).filter(Boolean));
  return tasks.filter(
    (t) =>
      t.sprint === current || (t.sprint < current && t.status !== 'done' && !carried.has(t.id)),
  );
}

export function readSprints(doc: Y.Doc): MsSprint[] {
  return entities(doc, MS_ROOT.sprints, (e, id) => {
    const number = num(e.get('number'));
    if (number < 1) return null;
    const closedAt = e.get('closedAt');
    return {
      id,
      number,
      label: str(e.get('label')),
      closedAt: typeof closedAt === 'number' ? closedAt : null,
    };
  }).sort((a, b) => a.number - b.number || byId(a, b));
}

/** Review entity ids are `${projectId}-${sprint}`: one per project and sprint. */
export const reviewId = (projectId: string, sprint: number): string => `${projectId}-${sprint}`;

export function readReviews(doc: Y.Doc): MsReview[] {
  return entities(doc, MS_ROOT.reviews, (e, id) => {
    const projectId = str(e.get('projectId'));
    const sprint = num(e.get('sprint'), 1);
    // A project's review is the one under its id: another entity naming the same project
    // and sprint (a scripted client's) does not stand in for it, on screens or in exports.
    if (!projectId || id !== reviewId(projectId, sprint)) return null;
    return {
      id,
      projectId,
      sprint,
      done: textOf(e.get('done')),
      worked: textOf(e.get('worked')),
      next: textOf(e.get('next')),
    };
  }).sort(byId);
}

export function readSettings(doc: Y.Doc): MsSettings {
  const s = doc.getMap<unknown>(MS_ROOT.settings);
  return {
    hideSidesUntilMatch: s.get('hideSidesUntilMatch') === true,
    equalCityWeight: s.get('equalCityWeight') === true,
    currentSprint: Math.max(1, num(s.get('currentSprint'), 1)),
    showTopFive: s.get('showTopFive') === true,
  };
}

export function readVotes(doc: Y.Doc): MsVote[] {
  return entities(doc, MS_ROOT.votes, (e, id) => {
    const target = str(e.get('target'));
    return target ? { id, owner: str(e.get(OWNER_FIELD)), target } : null;
  }).sort(byId);
}

/**
 * Translations of Match & Sprint cards (the shared `translations` part, target `msCards/<id>`),
 * read through the shared helpers (oldest first), in the shape suggestMatches takes.
 */
export function readCardTranslations(doc: Y.Doc): MsTranslation[] {
  const prefix = `${MS_ROOT.cards}/`;
  return readTranslations(doc)
    .filter((t) => t.target.startsWith(prefix))
    .map((t) => ({
      cardId: t.target.slice(prefix.length),
      language: t.language,
      title: t.title ?? '',
      text: t.text ?? '',
    }));
}

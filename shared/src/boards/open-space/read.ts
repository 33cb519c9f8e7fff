import * as Y from 'yjs';
import { CREATED_FIELD, OWNER_FIELD } from '../../rules/model.ts';
import { OS_ROOT } from './layout.ts';

/**
 * Reads the Open Space document into plain typed objects, the same way on the client and
 * the server. Missing or mistyped fields fall back to defaults; lists come back sorted
 * deterministically (order, then creation, then id) so every screen draws the same grid.
 */
export interface Topic {
  id: string;
  owner: string;
  createdAt: number;
  title: string;
  description: string;
  language: string;
  tags: string[];
  convener: string;
  slot: string | null;
  space: string | null;
  /** Public tally; null while votes are hidden and not yet revealed. */
  votes: number | null;
}

export interface Slot {
  id: string;
  label: string;
  /** HH:MM, local time of the board's date. */
  start: string;
  end: string;
  order: number;
}

export interface Space {
  id: string;
  name: string;
  capacity: number;
  videoUrl: string | null;
  order: number;
}

export interface Settings {
  voteBudget: number;
  multiDot: boolean;
  hideVotes: boolean;
  votesRevealed: boolean;
  projectorLanguages: string[];
  /** YYYY-MM-DD of the event, for the calendar export. */
  date: string | null;
  /** IANA zone of the slot times, e.g. Europe/Kyiv; null means floating local time. */
  timezone: string | null;
  /** The projector shows the Top five wall instead of the phase view. */
  showTopFive: boolean;
}

export interface ActionItem {
  id: string;
  owner: string;
  createdAt: number;
  topicId: string;
  text: string;
  assignee: string;
  due: string;
  done: boolean;
}

export interface Story {
  id: string;
  owner: string;
  createdAt: number;
  text: string;
  topicId: string | null;
  language: string;
}

export interface Contact {
  id: string;
  owner: string;
  name: string;
  organisation: string;
  email: string;
  phone: string;
  city: string;
  about: string;
}

/** Dots per topic, of one voter. */
export type Dots = Record<string, number>;

export const DEFAULT_VOTE_BUDGET = 5;

type Fields = Y.Map<unknown>;
const str = (m: Fields, k: string, fallback = ''): string => {
  const v = m.get(k);
  return typeof v === 'string' ? v : fallback;
};
const strOrNull = (m: Fields, k: string): string | null => {
  const v = m.get(k);
  return typeof v === 'string' && v !== '' ? v : null;
};
const num = (m: Fields, k: string, fallback = 0): number => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};
const bool = (m: Fields, k: string, fallback = false): boolean => {
  const v = m.get(k);
  return typeof v === 'boolean' ? v : fallback;
};
const strs = (m: Fields, k: string): string[] => {
  const v = m.get(k);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** Calls `fn` for every well-formed entity (a Y.Map with an owner) of a collection. */
function eachEntity<T>(
  doc: Y.Doc,
  root: string,
  fn: (m: Fields, id: string, owner: string) => T | null,
): T[] {
  const out: T[] = [];
  doc.getMap<unknown>(root).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const entity = value as Fields;
    const owner = entity.get(OWNER_FIELD);
    if (typeof owner !== 'string') return;
    const item = fn(entity, id, owner);
    if (item !== null) out.push(item);
  });
  return out;
}

const byCreation = (
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }): number =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function readTopics(doc: Y.Doc): Topic[] {
  const topics = eachEntity(doc, OS_ROOT.topics, (m, id, owner): Topic => {
    const slot = strOrNull(m, 'slot');
    const space = strOrNull(m, 'space');
    const votes = m.get('votes');
    return {
      id,
      owner,
      createdAt: num(m, CREATED_FIELD),
      title: str(m, 'title'),
      description: str(m, 'description'),
      language: str(m, 'language'),
      tags: strs(m, 'tags'),
      convener: str(m, 'convener'),
      // A half placement (one of the two set) is no placement.
      slot: slot !== null && space !== null ? slot : null,
      space: slot !== null && space !== null ? space : null,
      votes: typeof votes === 'number' ? votes : null,
    };
  });
  return topics.sort(byCreation);
}

export function readSlots(doc: Y.Doc): Slot[] {
  return eachEntity(doc, OS_ROOT.slots, (m, id): Slot => ({
    id,
    label: str(m, 'label'),
    start: str(m, 'start'),
    end: str(m, 'end'),
    order: num(m, 'order'),
  })).sort((a, b) => a.order - b.order || a.start.localeCompare(b.start) || byOrder(a, b));
}

export function readSpaces(doc: Y.Doc): Space[] {
  return eachEntity(doc, OS_ROOT.spaces, (m, id): Space => ({
    id,
    name: str(m, 'name'),
    capacity: Math.max(0, num(m, 'capacity')),
    videoUrl: strOrNull(m, 'videoUrl'),
    order: num(m, 'order'),
  })).sort(byOrder);
}

export function readSettings(doc: Y.Doc): Settings {
  const m = doc.getMap<unknown>(OS_ROOT.settings);
  const budget = num(m, 'voteBudget', DEFAULT_VOTE_BUDGET);
  return {
    voteBudget: Math.max(0, Math.floor(budget)),
    multiDot: bool(m, 'multiDot'),
    hideVotes: bool(m, 'hideVotes'),
    votesRevealed: bool(m, 'votesRevealed'),
    projectorLanguages: strs(m, 'projectorLanguages'),
    date: strOrNull(m, 'date'),
    timezone: strOrNull(m, 'timezone'),
    showTopFive: bool(m, 'showTopFive'),
  };
}

/** Whether ballots and tallies are in the document (public) right now. */
export const votesVisible = (s: Settings): boolean => !s.hideVotes || s.votesRevealed;

/** Published ballots (voter id -> dots); empty while votes are hidden. */
export function readBallots(doc: Y.Doc): Map<string, Dots> {
  const ballots = new Map<string, Dots>();
  eachEntity(doc, OS_ROOT.ballots, (m, id) => {
    const dots = m.get('dots');
    if (dots && typeof dots === 'object' && !Array.isArray(dots)) ballots.set(id, cleanDots(dots));
    return null;
  });
  return ballots;
}

export function cleanDots(raw: object): Dots {
  const dots: Dots = {};
  for (const [k, v] of Object.entries(raw))
    if (typeof v === 'number' && v > 0) dots[k] = Math.floor(v);
  return dots;
}

export function readActions(doc: Y.Doc): ActionItem[] {
  return eachEntity(doc, OS_ROOT.actions, (m, id, owner): ActionItem => ({
    id,
    owner,
    createdAt: num(m, CREATED_FIELD),
    topicId: str(m, 'topicId'),
    text: str(m, 'text'),
    assignee: str(m, 'assignee'),
    due: str(m, 'due'),
    done: bool(m, 'done'),
  })).sort(byCreation);
}

export function readStories(doc: Y.Doc): Story[] {
  return eachEntity(doc, OS_ROOT.stories, (m, id, owner): Story => ({
    id,
    owner,
    createdAt: num(m, CREATED_FIELD),
    text: str(m, 'text'),
    topicId: strOrNull(m, 'topicId'),
    language: str(m, 'language'),
  })).sort(byCreation);
}

export function readContacts(doc: Y.Doc): Contact[] {
  return eachEntity(doc, OS_ROOT.contacts, (m, id, owner): Contact => ({
    id,
    owner,
    name: str(m, 'name'),
    organisation: str(m, 'organisation'),
    email: str(m, 'email'),
    phone: str(m, 'phone'),
    city: str(m, 'city'),
    about: str(m, 'about'),
  })).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** The session notes of a topic (created by the server when the topic is placed). */
export function topicNotes(doc: Y.Doc, topicId: string): Y.Text | null {
  const topic = doc.getMap<unknown>(OS_ROOT.topics).get(topicId);
  if (!(topic instanceof Y.Map)) return null;
  const notes: unknown = (topic as Fields).get('notes');
  return notes instanceof Y.Text ? notes : null;
}

import type * as Y from 'yjs';
import {
  OS_ROOT,
  baseLanguage,
  readTranslations,
  translationFor,
  translationTarget,
  groupsOf,
  readCards,
  readPoints,
  topFive,
  type Card,
  type Point,
  readActions,
  readSettings,
  readSlots,
  readSpaces,
  readStories,
  readTopics,
  topicNotes,
  votesVisible,
  type ActionItem,
  type Settings,
  type Slot,
  type Space,
  type Story,
  type BoardInfo,
  type Topic,
} from '@twinspace/shared';
import { exportWords, type ExportWords } from '../../exports/strings.ts';
import { exportFileName } from '../types.ts';

/** One scheduled session, with what it produced. */
export interface Session {
  topic: Topic;
  slot: Slot;
  space: Space;
  notes: string;
  actions: ActionItem[];
}

/** Everything every export draws from, read once; votes only where they are public. */
export interface Proceedings {
  settings: Settings;
  slots: Slot[];
  spaces: Space[];
  /** In grid order: slot, then space. */
  sessions: Session[];
  unscheduled: Topic[];
  stories: Story[];
  /** The check-in wall of the welcome phase ("what brings you here"), oldest first. */
  checkIns: Card[];
  /** Each Top five group's five most important points, most votes first. */
  topFive: { group: string; points: Point[] }[];
  showVotes: boolean;
  /** The language asked for (`?lang=`), when one was. */
  language: string | undefined;
  /** Topics shown in a translation, by id: their original, so exports can mark it. */
  originals: Map<string, TopicOriginal>;
  /** The exports' words in the language asked for (English without one). */
  t: ExportWords;
}

/** A translated topic as it was written. */
export interface TopicOriginal {
  language: string;
  title: string;
  description: string;
}

/**
 * A topic in `language` where a participant translated it (the newest translation, as the
 * screens pick it), else as written. Returns the original when a translation was used.
 */
export function inLanguage(
  topic: Topic,
  translations: ReturnType<typeof readTranslations>,
  language: string | undefined,
): { topic: Topic; original: TopicOriginal | null } {
  if (!language || (topic.language && baseLanguage(topic.language) === baseLanguage(language)))
    return { topic, original: null };
  const found = translationFor(translations, translationTarget(OS_ROOT.topics, topic.id), language);
  if (!found) return { topic, original: null };
  const shown = {
    ...topic,
    title: found.title ?? topic.title,
    description: topic.description ? (found.text ?? topic.description) : topic.description,
  };
  const { title, description } = topic;
  return { topic: shown, original: { language: topic.language, title, description } };
}

export function readProceedings(doc: Y.Doc, language?: string): Proceedings {
  const translations = language ? readTranslations(doc) : [];
  const originals = new Map<string, TopicOriginal>();
  const settings = readSettings(doc);
  const slots = readSlots(doc);
  const spaces = readSpaces(doc);
  const actions = readActions(doc);
  const slotAt = new Map(slots.map((s, i) => [s.id, i]));
  const spaceAt = new Map(spaces.map((s, i) => [s.id, i]));
  const sessions: Session[] = [];
  const unscheduled: Topic[] = [];
  for (const written of readTopics(doc)) {
    const { topic, original } = inLanguage(written, translations, language);
    if (original) originals.set(topic.id, original);
    const si = topic.slot === null ? undefined : slotAt.get(topic.slot);
    const pi = topic.space === null ? undefined : spaceAt.get(topic.space);
    if (si === undefined || pi === undefined) {
      unscheduled.push(topic);
      continue;
    }
    sessions.push({
      topic,
      slot: slots[si]!,
      space: spaces[pi]!,
      notes: topicNotes(doc, topic.id)?.toJSON() ?? '',
      actions: actions.filter((a) => a.topicId === topic.id),
    });
  }
  sessions.sort(
    (a, b) =>
      slotAt.get(a.slot.id)! - slotAt.get(b.slot.id)! ||
      spaceAt.get(a.space.id)! - spaceAt.get(b.space.id)!,
  );
  return {
    settings,
    slots,
    spaces,
    sessions,
    unscheduled,
    stories: readStories(doc),
    checkIns: readCards(doc),
    topFive: topFiveGroups(doc),
    showVotes: votesVisible(settings),
    language: language ? baseLanguage(language) : undefined,
    originals,
    t: exportWords(language),
  };
}

/** The Top five of every group (the partnership workshop's five most important points). */
export function topFiveGroups(doc: Y.Doc): { group: string; points: Point[] }[] {
  const points = readPoints(doc);
  return groupsOf(points).map((group) => ({ group, points: topFive(points, group) }));
}

/** "1 vote", "2 votes", in the export's language. */
export const voteCount = (p: Proceedings, n: number): string => p.t('votes', { count: n });

export const timeRange = (slot: Slot): string =>
  slot.start && slot.end ? `${slot.start}–${slot.end}` : slot.start || slot.end || '';

export const slotTitle = (slot: Slot): string =>
  [slot.label, timeRange(slot)].filter(Boolean).join(' ');

/** What each file is: the proceedings (Markdown, printable page), the agenda, the calendar. */
const FILE_KIND: Readonly<Record<string, string>> = {
  md: 'proceedings',
  html: 'proceedings',
  csv: 'agenda',
  ics: 'calendar',
};

/** A file name safe everywhere, named for what it is: board code, kind, language asked for. */
export const fileName = (code: string, ext: string, language?: string): string =>
  exportFileName(code, FILE_KIND[ext] ?? 'export', ext, language);

/** "Title (original, de: Titel)" where the title is a translation, else the title. */
export function markedTitle(p: Proceedings, topic: Topic): string {
  const original = p.originals.get(topic.id);
  if (!original || original.title === topic.title) return topic.title;
  const values = { title: topic.title, language: original.language, original: original.title };
  return p.t(original.language ? 'openSpace.markedTitle' : 'openSpace.markedTitlePlain', values);
}

/** "Original (de)", or "Original" when the original's language is not known. */
export const originalLabel = (p: Proceedings, language: string): string =>
  language ? p.t('openSpace.original', { language }) : p.t('openSpace.originalPlain');

/** "Original (de): Beschreibung" under a translated description, else null. */
export function originalDescription(p: Proceedings, topic: Topic): string | null {
  const original = p.originals.get(topic.id);
  if (!original?.description || original.description === topic.description) return null;
  return `${originalLabel(p, original.language)}: ${original.description}`;
}

/** The subtitle under the board's title: kind, code, date, the language asked for. */
export function subtitle(p: Proceedings, info: BoardInfo): string {
  const parts = [p.t('openSpace.subtitle', { code: info.code })];
  if (p.settings.date) parts.push(p.settings.date);
  if (p.language) parts.push(p.t('openSpace.language', { lang: p.language }));
  return parts.join(' · ');
}

/** What is known of a session, in one line: time, space, convener, votes once public. */
export function sessionFacts(p: Proceedings, s: Session): string[] {
  const facts = [slotTitle(s.slot), s.space.name];
  if (s.topic.convener) facts.push(p.t('openSpace.convenedBy', { name: s.topic.convener }));
  if (p.showVotes) facts.push(voteCount(p, s.topic.votes ?? 0));
  return facts.filter(Boolean);
}

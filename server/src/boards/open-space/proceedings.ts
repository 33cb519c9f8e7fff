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
  type Topic,
} from '@twinspace/shared';

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
  };
}

/** The Top five of every group (the partnership workshop's five most important points). */
export function topFiveGroups(doc: Y.Doc): { group: string; points: Point[] }[] {
  const points = readPoints(doc);
  return groupsOf(points).map((group) => ({ group, points: topFive(points, group) }));
}

/** "1 vote", "2 votes". */
export const voteCount = (n: number): string => `${n} ${n === 1 ? 'vote' : 'votes'}`;

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
  `twinspace-${code.toLowerCase()}-${FILE_KIND[ext] ?? 'export'}${language && /^[a-z]{2,3}$/.test(language) ? `-${language}` : ''}.${ext}`;

/** "Title (original, de: Titel)" where the title is a translation, else the title. */
export function markedTitle(p: Proceedings, topic: Topic): string {
  const original = p.originals.get(topic.id);
  if (!original || original.title === topic.title) return topic.title;
  return `${topic.title} (original${original.language ? `, ${original.language}` : ''}: ${original.title})`;
}

/** "Original (de): Beschreibung" under a translated description, else null. */
export function originalDescription(p: Proceedings, topic: Topic): string | null {
  const original = p.originals.get(topic.id);
  if (!original?.description || original.description === topic.description) return null;
  return `Original${original.language ? ` (${original.language})` : ''}: ${original.description}`;
}

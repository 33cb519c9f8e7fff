import type * as Y from 'yjs';
import {
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
  showVotes: boolean;
}

export function readProceedings(doc: Y.Doc): Proceedings {
  const settings = readSettings(doc);
  const slots = readSlots(doc);
  const spaces = readSpaces(doc);
  const actions = readActions(doc);
  const slotAt = new Map(slots.map((s, i) => [s.id, i]));
  const spaceAt = new Map(spaces.map((s, i) => [s.id, i]));
  const sessions: Session[] = [];
  const unscheduled: Topic[] = [];
  for (const topic of readTopics(doc)) {
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
    showVotes: votesVisible(settings),
  };
}

export const timeRange = (slot: Slot): string =>
  slot.start && slot.end ? `${slot.start}–${slot.end}` : slot.start || slot.end || '';

export const slotTitle = (slot: Slot): string =>
  [slot.label, timeRange(slot)].filter(Boolean).join(' ');

/** A file name safe everywhere: the board code plus a suffix. */
export const fileName = (code: string, ext: string): string =>
  `twinspace-${code.toLowerCase()}-proceedings.${ext}`;

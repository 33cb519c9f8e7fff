import { create } from 'zustand';
import type * as Y from 'yjs';
import type {
  ActionItem,
  Contact,
  Dots,
  Settings,
  Slot,
  Space,
  Story,
  Topic,
} from '@twinspace/shared/boards/open-space/read';
import type { MyBallot } from '@twinspace/shared/boards/open-space/notices';
import { partSetter } from './stable.ts';

/**
 * The Open Space parts of the board document as the UI reads them: filled by
 * boards/open-space/binding.ts (one observer per root type), read by selectors. Each part
 * keeps its unchanged items (and unchanged lists) identical (stable.ts): a vote re-renders
 * one topic, not the wall.
 */
export interface OsParts {
  topics: readonly Topic[];
  slots: readonly Slot[];
  spaces: readonly Space[];
  settings: Settings;
  /** Published ballots (voter id -> dots); empty while votes are hidden. */
  ballots: ReadonlyMap<string, Dots>;
  actions: readonly ActionItem[];
  stories: readonly Story[];
  contacts: readonly Contact[];
}

interface OsState extends OsParts {
  /** This voter's own ballot, from the server's acks (it is sealed in the document). */
  myBallot: MyBallot | null;
  /** The document being mirrored (for live shared types such as session notes). */
  doc: Y.Doc | null;
  setDoc(doc: Y.Doc | null): void;
  setPart<K extends keyof OsParts>(key: K, value: OsParts[K]): void;
  setMyBallot(ballot: MyBallot | null): void;
  reset(): void;
}

const EMPTY: OsParts & { myBallot: MyBallot | null; doc: Y.Doc | null } = {
  topics: [],
  slots: [],
  spaces: [],
  settings: {
    voteBudget: 5,
    multiDot: false,
    hideVotes: false,
    votesRevealed: false,
    projectorLanguages: [],
    date: null,
    timezone: null,
    showTopFive: false,
  },
  ballots: new Map(),
  actions: [],
  stories: [],
  contacts: [],
  myBallot: null,
  doc: null,
};

export const useOsStore = create<OsState>()((set) => ({
  ...EMPTY,
  setPart: partSetter<OsState>(set),
  setMyBallot: (myBallot) => set({ myBallot }),
  setDoc: (doc) => set({ doc }),
  reset: () => set(EMPTY),
}));

export const osActions = (): OsState => useOsStore.getState();

/** One selector per part: a component re-renders only when the part it reads changes. */
export const useOs = <K extends keyof OsParts>(key: K): OsParts[K] => useOsStore((s) => s[key]);
export const useOsDoc = (): Y.Doc | null => useOsStore((s) => s.doc);
export const useMyBallot = (): MyBallot | null => useOsStore((s) => s.myBallot);

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
  TimerState,
  Topic,
} from '@twinspace/shared/boards/open-space/read';
import type { MyBallot } from '@twinspace/shared/boards/open-space/notices';

/**
 * The Open Space parts of the board document as the UI reads them: filled by
 * boards/open-space/binding.ts (one observer per root type), read by selectors. Every read
 * builds fresh objects, so each part is merged into the previous one keeping unchanged
 * items (and unchanged lists) identical: a vote re-renders one topic, not the wall.
 */
export interface OsParts {
  topics: readonly Topic[];
  slots: readonly Slot[];
  spaces: readonly Space[];
  settings: Settings;
  timer: TimerState;
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
  timer: { running: false, endsAt: null, remainingMs: null, label: '' },
  ballots: new Map(),
  actions: [],
  stories: [],
  contacts: [],
  myBallot: null,
  doc: null,
};

/** Equal when every field is identical, arrays of primitives (tags) compared item by item. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([k, v]) => sameValue(v, b.get(k)));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return keys.every((k) => k in rb && sameValue(ra[k], rb[k]));
  }
  return false;
}

/** The next value of a part: the previous objects wherever nothing changed. */
export function mergePart<T>(prev: T, next: T): T {
  if (!Array.isArray(prev) || !Array.isArray(next)) return sameValue(prev, next) ? prev : next;
  const old = new Map((prev as { id: string }[]).map((item) => [item.id, item]));
  const merged = (next as { id: string }[]).map((item) => {
    const before = old.get(item.id);
    return before !== undefined && sameValue(before, item) ? before : item;
  });
  const unchanged = merged.length === prev.length && merged.every((item, i) => item === prev[i]);
  return (unchanged ? prev : merged) as T;
}

export const useOsStore = create<OsState>()((set) => ({
  ...EMPTY,
  setPart: (key, value) =>
    set((s) => {
      const next = mergePart(s[key], value);
      return next === s[key] ? s : { [key]: next };
    }),
  setMyBallot: (myBallot) => set({ myBallot }),
  setDoc: (doc) => set({ doc }),
  reset: () => set(EMPTY),
}));

export const osActions = (): OsState => useOsStore.getState();

/** One selector per part: a component re-renders only when the part it reads changes. */
export const useOs = <K extends keyof OsParts>(key: K): OsParts[K] => useOsStore((s) => s[key]);
export const useOsDoc = (): Y.Doc | null => useOsStore((s) => s.doc);
export const useMyBallot = (): MyBallot | null => useOsStore((s) => s.myBallot);

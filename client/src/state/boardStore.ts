import { create } from 'zustand';
import type { Card, Person } from '@twinspace/shared/boards/common';
import type { Translation } from '@twinspace/shared/boards/translations';
import { EMPTY_LIST, keepUnchanged, mergeStable, type StableList } from './stable.ts';

/** The board document as the UI reads it: filled by sync/docBinding.ts, read by selectors. */
interface BoardState {
  cards: StableList<Card>;
  people: StableList<Person>;
  /** meta.phase and meta.title of the document (the facilitator's settings). */
  phase: string | null;
  title: string | null;
  /** Card and topic translations (the `translations` part), filled by boards/common. */
  translations: StableList<Translation>;
  /** meta.languages: the facilitator's languages for the wall (side by side). */
  languages: readonly string[];
  setCards(cards: readonly Card[]): void;
  setPeople(people: readonly Person[]): void;
  setMeta(meta: { phase: string | null; title: string | null }): void;
  setTranslations(translations: readonly Translation[]): void;
  setLanguages(languages: readonly string[]): void;
  reset(): void;
}

export const useBoardStore = create<BoardState>()((set) => ({
  cards: EMPTY_LIST,
  people: EMPTY_LIST,
  phase: null,
  title: null,
  translations: EMPTY_LIST,
  languages: [],
  setCards: (cards) => set((s) => ({ cards: mergeStable(s.cards, cards) })),
  setPeople: (people) => set((s) => ({ people: mergeStable(s.people, people) })),
  setMeta: ({ phase, title }) => set({ phase, title }),
  setTranslations: (list) => set((s) => ({ translations: mergeStable(s.translations, list) })),
  setLanguages: (languages) =>
    set((s) => {
      const next = keepUnchanged(s.languages, languages);
      return next === s.languages ? s : { languages: next };
    }),
  reset: () =>
    set({
      cards: EMPTY_LIST,
      people: EMPTY_LIST,
      phase: null,
      title: null,
      translations: EMPTY_LIST,
      languages: [],
    }),
}));

export const boardActions = (): BoardState => useBoardStore.getState();

// Selectors: each returns a value that only changes when what it names changes.
export const useCardIds = (): readonly string[] => useBoardStore((s) => s.cards.ids);
export const useCard = (id: string): Card | undefined => useBoardStore((s) => s.cards.byId[id]);
export const usePerson = (id: string): Person | undefined =>
  useBoardStore((s) => s.people.byId[id]);
export const usePhase = (): string | null => useBoardStore((s) => s.phase);
export const useDocTitle = (): string | null => useBoardStore((s) => s.title);
export const useTranslationList = (): StableList<Translation> =>
  useBoardStore((s) => s.translations);
export const useWallLanguages = (): readonly string[] => useBoardStore((s) => s.languages);

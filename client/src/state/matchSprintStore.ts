import { create } from 'zustand';
import { partSetter } from './stable.ts';
import type {
  MsCard,
  MsCity,
  MsLink,
  MsProject,
  MsReview,
  MsSettings,
  MsSprint,
  MsTask,
  MsTheme,
  MsTranslation,
  MsVote,
} from '@twinspace/shared/boards/match-sprint/read';

/**
 * The Match & Sprint parts of the board document as the UI reads them: filled by
 * boards/match-sprint/binding.ts (one observer per root type), read by selectors.
 * Each part keeps its unchanged items (and unchanged lists) identical (stable.ts).
 */
export interface MsParts {
  cities: readonly MsCity[];
  themes: readonly MsTheme[];
  cards: readonly MsCard[];
  links: readonly MsLink[];
  projects: readonly MsProject[];
  tasks: readonly MsTask[];
  sprints: readonly MsSprint[];
  reviews: readonly MsReview[];
  votes: readonly MsVote[];
  translations: readonly MsTranslation[];
  settings: MsSettings;
}

interface MsState extends MsParts {
  setPart<K extends keyof MsParts>(key: K, value: MsParts[K]): void;
}

const EMPTY: MsParts = {
  cities: [],
  themes: [],
  cards: [],
  links: [],
  projects: [],
  tasks: [],
  sprints: [],
  reviews: [],
  votes: [],
  translations: [],
  settings: {
    hideSidesUntilMatch: false,
    equalCityWeight: false,
    currentSprint: 1,
    showTopFive: false,
  },
};

export const useMsStore = create<MsState>()((set) => ({
  ...EMPTY,
  setPart: partSetter<MsState>(set),
}));

export const msActions = (): MsState => useMsStore.getState();

/** One selector per part: a component re-renders only when the part it reads changes. */
export const useMs = <K extends keyof MsParts>(key: K): MsParts[K] => useMsStore((s) => s[key]);

import { create } from 'zustand';
import type { Point } from '@twinspace/shared/boards/top-five/logic';
import { partSetter } from './stable.ts';

/**
 * The Top five points of the board document as the UI reads them: filled by
 * boards/top-five/binding.ts. Unchanged points keep their identity, so a pick redraws
 * the point it touched, not the list.
 */
export interface TfParts {
  points: readonly Point[];
}

interface TfState extends TfParts {
  /** The group this screen works in ('' = the whole room); kept while views come and go. */
  group: string;
  setPart<K extends keyof TfParts>(key: K, value: TfParts[K]): void;
  setGroup(group: string): void;
}

export const useTfStore = create<TfState>()((set) => ({
  points: [],
  group: '',
  setGroup: (group) => set({ group }),
  setPart: partSetter<TfState>(set),
}));

export const tfActions = (): TfState => useTfStore.getState();

export const useTfPoints = (): readonly Point[] => useTfStore((s) => s.points);
export const useTfGroupChoice = (): string => useTfStore((s) => s.group);

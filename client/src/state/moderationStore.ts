import { create } from 'zustand';
import type { ModSettings, Submission, Tombstone } from '@twinspace/shared/boards/moderation/read';
import { partSetter } from './stable.ts';

/** This device's own submission to an approval queue, kept until the board shows its fate. */
export interface OwnSubmission {
  id: string;
  part: string;
  /** What the person wrote: only their device (and the server, sealed) has it. */
  fields: Record<string, string | number | boolean | string[]>;
  at: number;
}

/**
 * Moderation as a screen reads it (boards/moderation/binding.ts): the settings, the
 * tombstones and the queue's entries as the shared document has them (never content), and
 * this device's own submissions (boards/moderation/submissions.ts).
 */
export interface ModParts {
  settings: ModSettings;
  tombstones: readonly Tombstone[];
  queue: readonly Submission[];
}

interface ModState extends ModParts {
  mine: readonly OwnSubmission[];
  setPart<K extends keyof ModParts>(key: K, value: ModParts[K]): void;
  setMine(mine: readonly OwnSubmission[]): void;
}

export const useModStore = create<ModState>()((set) => ({
  settings: { anonymous: false, approval: [] },
  tombstones: [],
  queue: [],
  mine: [],
  setPart: partSetter<ModState>(set),
  setMine: (mine) => set({ mine }),
}));

export const modActions = (): ModState => useModStore.getState();
export const useModSettings = (): ModSettings => useModStore((s) => s.settings);
export const useTombstones = (): readonly Tombstone[] => useModStore((s) => s.tombstones);
export const useQueue = (): readonly Submission[] => useModStore((s) => s.queue);
export const useMySubmissions = (): readonly OwnSubmission[] => useModStore((s) => s.mine);

import { create } from 'zustand';
import type { QaReply } from '@twinspace/shared/boards/qa/commands';
import type { QaSettings, Question } from '@twinspace/shared/boards/qa/read';
import { partSetter } from './stable.ts';

/**
 * The approved questions and the Q&A settings of the board document (boards/qa/binding.ts),
 * and what only this person may see (their waiting questions, or all of them for the
 * facilitator; their own and upvoted ids), which the server gives back (`qa-private`).
 */
export interface QaParts {
  questions: readonly Question[];
  settings: QaSettings;
  /** How many questions wait for approval (their texts are sealed). */
  pendingCount: number;
}

interface QaStoreState extends QaParts {
  mine: QaReply | null;
  setPart<K extends keyof QaParts>(key: K, value: QaParts[K]): void;
  setMine(reply: QaReply): void;
}

export const useQaStore = create<QaStoreState>()((set) => ({
  questions: [],
  settings: { requireApproval: false, wall: false, shown: null },
  pendingCount: 0,
  mine: null,
  setPart: partSetter<QaStoreState>(set),
  setMine: (mine) => set({ mine }),
}));

export const qaActions = (): QaStoreState => useQaStore.getState();

export const useQuestions = (): readonly Question[] => useQaStore((s) => s.questions);
export const useQaSettings = (): QaSettings => useQaStore((s) => s.settings);
export const usePendingCount = (): number => useQaStore((s) => s.pendingCount);
export const useQaMine = (): QaReply | null => useQaStore((s) => s.mine);

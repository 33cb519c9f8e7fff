import { create } from 'zustand';
import type { MyPollAnswer } from '@twinspace/shared/boards/poll/commands';
import type { Poll, PollText, PollWord } from '@twinspace/shared/boards/poll/read';
import { partSetter } from './stable.ts';

/**
 * The polls of the board document as the UI reads them (boards/poll/binding.ts), and this
 * person's own answers, which are not in the document: the server gives them back
 * (`poll-mine`, and the ack of each answer).
 */
export interface PollParts {
  polls: readonly Poll[];
  words: readonly PollWord[];
  texts: readonly PollText[];
  /** The poll the projector shows. */
  shown: string | null;
}

interface PollStoreState extends PollParts {
  mine: Readonly<Record<string, MyPollAnswer>>;
  setPart<K extends keyof PollParts>(key: K, value: PollParts[K]): void;
  /** Merges answers the server gave back (all of them from `poll-mine`, one from an answer). */
  setMine(answers: Readonly<Record<string, MyPollAnswer>>): void;
}

export const usePollStore = create<PollStoreState>()((set) => ({
  polls: [],
  words: [],
  texts: [],
  shown: null,
  mine: {},
  setPart: partSetter<PollStoreState>(set),
  setMine: (answers) => set((s) => ({ mine: { ...s.mine, ...answers } })),
}));

export const pollActions = (): PollStoreState => usePollStore.getState();

export const usePolls = (): readonly Poll[] => usePollStore((s) => s.polls);
export const usePollWords = (): readonly PollWord[] => usePollStore((s) => s.words);
export const usePollTexts = (): readonly PollText[] => usePollStore((s) => s.texts);
export const useShownPoll = (): string | null => usePollStore((s) => s.shown);
export const useMyAnswer = (pollId: string): MyPollAnswer | undefined =>
  usePollStore((s) => s.mine[pollId]);

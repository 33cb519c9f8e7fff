import { create } from 'zustand';
import { STOPPED, type TimerState } from '@twinspace/shared/boards/timer/read';
import { partSetter } from './stable.ts';

/** The timer feature's part of the document, filled by boards/timer/binding.ts. */
export interface TimerParts {
  timer: TimerState;
}

interface TimerStore extends TimerParts {
  setPart<K extends keyof TimerParts>(key: K, value: TimerParts[K]): void;
}

const useTimerStore = create<TimerStore>()((set) => ({
  timer: STOPPED,
  setPart: partSetter<TimerStore>(set),
}));

export const timerActions = (): TimerStore => useTimerStore.getState();
export const useTimer = (): TimerState => useTimerStore((s) => s.timer);

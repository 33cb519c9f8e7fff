import { create } from 'zustand';
import type { ConnectionFacts, ConnectionState } from '../sync/connectionState.ts';
import type { ClockSample } from '../sync/clock.ts';
import type { Command } from '@twinspace/shared/protocol';
import { setEntityClock } from '@twinspace/shared/boards/common';
import { readStored, writeStored } from '../sync/storage.ts';

/** The last clock offset this device measured, kept for a board opened offline. */
const OFFSET_KEY = 'clockOffset';
const keptOffset = (): number => {
  const offset = Number(readStored(OFFSET_KEY));
  return Number.isFinite(offset) ? offset : 0;
};

/** Connection state for the UI. The sync layer derives it; this store only holds it. */
interface ConnectionStoreState {
  state: ConnectionState;
  facts: ConnectionFacts | null;
  /** When it last left 'online' (null while online, or before it ever was: starting up). */
  outOfStepSince: number | null;
  /** The best server clock sample (server minus local time), for timers. */
  clock: ClockSample | null;
  /** Commands kept in the device's outbox until the server answers them (sync/outbox.ts). */
  pending: number;
  /** Those commands, oldest first: a view shows its own as waiting, after a reload too. */
  waiting: readonly Command[];
  setPending(waiting: readonly Command[]): void;
  setState(state: ConnectionState, facts: ConnectionFacts | null): void;
  setClock(sample: ClockSample): void;
  reset(): void;
}

export const useConnectionStore = create<ConnectionStoreState>()((set) => ({
  state: 'syncing',
  facts: null,
  outOfStepSince: null,
  clock: null,
  pending: 0,
  waiting: [],
  setPending: (waiting) => set({ pending: waiting.length, waiting }),
  setState: (state, facts) =>
    set((s) => ({
      state,
      facts,
      outOfStepSince:
        state === 'online' ? null : s.state === 'online' ? Date.now() : s.outOfStepSince,
    })),
  setClock: (clock) => {
    writeStored(OFFSET_KEY, String(clock.offsetMs));
    set({ clock });
  },
  reset: () => set({ state: 'syncing', facts: null, outOfStepSince: null, clock: null }),
}));

export const connectionActions = (): ConnectionStoreState => useConnectionStore.getState();

export const useConnectionState = (): ConnectionState => useConnectionStore((s) => s.state);
/** When this screen last fell out of step with the server (null: in step, or starting up). */
export const useOutOfStepSince = (): number | null => useConnectionStore((s) => s.outOfStepSince);
export const useOutboxPending = (): number => useConnectionStore((s) => s.pending);
/** Commands waiting in the outbox (made offline, perhaps before a reload). */
export const useOutboxWaiting = (): readonly Command[] => useConnectionStore((s) => s.waiting);

/** Server time now, in ms since epoch, for countdowns that agree on every screen. */
export const serverNow = (): number =>
  Date.now() + (useConnectionStore.getState().clock?.offsetMs ?? 0);

// What this device creates is dated in server time: a phone whose clock runs fast would
// otherwise be refused (the server bounds createdAt by its clock) or sort its cards wrong.
// Opened offline, before any join measured it, by the offset it measured last time.
setEntityClock(() => Date.now() + (useConnectionStore.getState().clock?.offsetMs ?? keptOffset()));

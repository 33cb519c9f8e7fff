import { create } from 'zustand';
import type { ConnectionFacts, ConnectionState } from '../sync/connectionState.ts';
import type { ClockSample } from '../sync/clock.ts';

/** Connection state for the UI. The sync layer derives it; this store only holds it. */
interface ConnectionStoreState {
  state: ConnectionState;
  facts: ConnectionFacts | null;
  /** The best server clock sample (server minus local time), for timers. */
  clock: ClockSample | null;
  /** Commands kept in the device's outbox until the server answers them (sync/outbox.ts). */
  pending: number;
  setPending(pending: number): void;
  setState(state: ConnectionState, facts: ConnectionFacts | null): void;
  setClock(sample: ClockSample): void;
  reset(): void;
}

export const useConnectionStore = create<ConnectionStoreState>()((set) => ({
  state: 'syncing',
  facts: null,
  clock: null,
  pending: 0,
  setPending: (pending) => set({ pending }),
  setState: (state, facts) => set({ state, facts }),
  setClock: (clock) => set({ clock }),
  reset: () => set({ state: 'syncing', facts: null, clock: null }),
}));

export const connectionActions = (): ConnectionStoreState => useConnectionStore.getState();

export const useConnectionState = (): ConnectionState => useConnectionStore((s) => s.state);
export const useOutboxPending = (): number => useConnectionStore((s) => s.pending);

/** Server time now, in ms since epoch, for countdowns that agree on every screen. */
export const serverNow = (): number =>
  Date.now() + (useConnectionStore.getState().clock?.offsetMs ?? 0);

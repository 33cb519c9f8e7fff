import { create } from 'zustand';

/** How many commands made on this device wait to be sent or answered (the outbox). */
interface OutboxState {
  pending: number;
  setPending(pending: number): void;
}

export const useOutboxStore = create<OutboxState>()((set) => ({
  pending: 0,
  setPending: (pending) => set({ pending }),
}));

export const outboxActions = (): OutboxState => useOutboxStore.getState();
export const useOutboxPending = (): number => useOutboxStore((s) => s.pending);

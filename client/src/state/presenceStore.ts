import { create } from 'zustand';
import type { PresenceAggregate } from '@twinspace/shared/protocol';

interface PresenceState {
  aggregate: PresenceAggregate | null;
  set(aggregate: PresenceAggregate | null): void;
}

export const usePresenceStore = create<PresenceState>()((set) => ({
  aggregate: null,
  set: (aggregate) => set({ aggregate }),
}));

export const presenceActions = (): PresenceState => usePresenceStore.getState();
export const usePresence = (): PresenceAggregate | null => usePresenceStore((s) => s.aggregate);

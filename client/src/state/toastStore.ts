import { create } from 'zustand';

/**
 * Short, polite messages. A toast stores what happened (a kind and a reason code), not
 * text, so it is translated when drawn and follows a language switch while shown.
 */
export interface Toast {
  id: number;
  /** resynced: an update was refused and the board reloaded; command: a command failed. */
  kind: 'resynced' | 'command';
  /** A RefusalReason, 'not-joined', 'bad-request', 'not-stored', 'timeout' or 'generic'. */
  reason: string;
  tone: 'info' | 'warning';
  /** A few words of what was refused (a topic's title), in the person's own words. */
  subject?: string;
}

const TOAST_MS = 7_000;
const MAX_SHOWN = 3;
let nextId = 1;

interface ToastState {
  toasts: readonly Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (toast) => {
    // The same message twice in a row (two refusals of one burst) is shown once.
    const last = get().toasts.at(-1);
    if (last?.kind === toast.kind && last.reason === toast.reason && last.subject === toast.subject)
      return;
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(1 - MAX_SHOWN), { ...toast, id }] }));
    setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = (t: Omit<Toast, 'id'>): void => useToastStore.getState().push(t);
export const useToasts = (): readonly Toast[] => useToastStore((s) => s.toasts);
export const dismissToast = (id: number): void => useToastStore.getState().dismiss(id);

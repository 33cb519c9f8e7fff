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
  /** Read already (shown TOAST_MS while the page was seen): only its title and subject stay. */
  brief?: boolean;
}

const TOAST_MS = 7_000;
const MAX_SHOWN = 3;
let nextId = 1;

interface ToastState {
  toasts: readonly Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
  shorten(id: number): void;
}

/**
 * A change of theirs the server did not keep ('resynced') is the only word a person gets that
 * it is gone: it stays until they dismiss it, as a phone in a pocket or a glance away would
 * miss a message that leaves by itself (nothing is lost without a word); once it was seen for
 * TOAST_MS it shrinks to its title and the person's words, so two of them do not cover the
 * buttons of a phone. Other toasts leave after TOAST_MS of the page being seen: a hidden
 * tab's clock does not run.
 */
const staysUntilDismissed = (t: Omit<Toast, 'id'>): boolean => t.kind === 'resynced';

function whenSeenFor(ms: number, done: () => void): void {
  const doc = globalThis.document as Document | undefined;
  if (!doc) {
    setTimeout(done, ms);
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (): void => {
    clearTimeout(timer);
    if (!doc.hidden) timer = setTimeout(finish, ms);
  };
  const finish = (): void => {
    doc.removeEventListener('visibilitychange', onChange);
    done();
  };
  doc.addEventListener('visibilitychange', onChange);
  onChange();
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
    const keep = staysUntilDismissed(toast);
    whenSeenFor(TOAST_MS, () => (keep ? get().shorten(id) : get().dismiss(id)));
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  shorten: (id) =>
    set((s) => ({ toasts: s.toasts.map((t) => (t.id === id ? { ...t, brief: true } : t)) })),
}));

export const toast = (t: Omit<Toast, 'id'>): void => useToastStore.getState().push(t);
export const useToasts = (): readonly Toast[] => useToastStore((s) => s.toasts);
export const dismissToast = (id: number): void => useToastStore.getState().dismiss(id);

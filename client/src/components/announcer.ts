/**
 * One polite voice for the whole app (issue 7): boards report what happened, the
 * announcer decides what a screen reader hears. It
 * - batches counts: 40 new topics in a minute become a few "5 new topics", not 40 lines;
 * - rate-limits: at most one announcement every MIN_GAP_MS, whatever arrives meanwhile is
 *   merged into the next one;
 * - de-duplicates: the same sentence (`say`) is not repeated within REPEAT_MS (a phase
 *   toggled back and forth, two components reporting the same timer).
 * No React and no store here, so it is testable with fake timers; Announcer.tsx renders it.
 */
export const BATCH_MS = 1500;
export const MIN_GAP_MS = 5000;
export const REPEAT_MS = 10_000;

export interface Announcement {
  readonly id: number;
  readonly text: string;
}

interface Pending {
  count: number;
  render: (count: number) => string;
  /** Sentences are said once in a while; counts are news every time. */
  once: boolean;
}

type Listener = (announcement: Announcement) => void;

export class AnnouncerQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly spoken = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;
  private nextId = 1;
  current: Announcement = { id: 0, text: '' };

  constructor(private readonly now: () => number = Date.now) {}

  /** A sentence, said once; a later sentence with the same key replaces it if not said yet. */
  say(text: string, key: string = text): void {
    if (text.trim() === '') return;
    this.pending.set(key, { count: 1, render: () => text, once: true });
    this.schedule();
  }

  /** Something counted ("new topic"): counts under one key add up until they are said. */
  count(key: string, render: (count: number) => string, n = 1): void {
    if (n <= 0) return;
    const entry = this.pending.get(key);
    this.pending.set(key, { count: (entry?.count ?? 0) + n, render, once: false });
    this.schedule();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets everything (a board left): nothing from the old board is said on the next. */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(BATCH_MS, this.lastAt + MIN_GAP_MS - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const now = this.now();
    for (const [text, at] of this.spoken) if (now - at >= REPEAT_MS) this.spoken.delete(text);
    const texts: string[] = [];
    for (const { count, render, once } of this.pending.values()) {
      const text = render(count);
      if (once && this.spoken.has(text)) continue;
      if (once) this.spoken.set(text, now);
      if (!texts.includes(text)) texts.push(text);
    }
    this.pending.clear();
    if (texts.length === 0) return;
    this.lastAt = now;
    this.current = { id: this.nextId++, text: texts.join(' ') };
    for (const listener of this.listeners) listener(this.current);
  }
}

/** The app's announcer; Announcer.tsx shows it in the single live region. */
export const announcer = new AnnouncerQueue();

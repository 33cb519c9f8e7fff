import { useEffect, useRef, useSyncExternalStore } from 'react';
import { announcer, type Announcement } from './announcer.ts';

const subscribe = (onChange: () => void): (() => void) => announcer.subscribe(onChange);
const snapshot = (): Announcement => announcer.current;

/**
 * The app's one polite live region (mounted once, in App). Visually hidden; screen readers
 * hear each announcement without losing their place. Two alternating regions make a
 * repeated sentence ("2 new cards" twice) be read again.
 */
export function Announcer() {
  const { id, text } = useSyncExternalStore(subscribe, snapshot, snapshot);
  const even = id % 2 === 0;
  return (
    <div className="visually-hidden" data-testid="announcer">
      <div aria-live="polite" aria-atomic="true">
        {even ? text : ''}
      </div>
      <div aria-live="polite" aria-atomic="true">
        {even ? '' : text}
      </div>
    </div>
  );
}

/**
 * Announces items that newly appear in `ids` (cards, topics), batched under `key`. The
 * first list (the board loading) is not announced, nor are ids in `ignore` (your own).
 */
export function useAnnounceNew(
  ids: readonly string[],
  key: string,
  render: (count: number) => string,
  ignore?: (id: string) => boolean,
): void {
  const seen = useRef<Set<string> | null>(null);
  const renderRef = useRef(render);
  const ignoreRef = useRef(ignore);
  useEffect(() => {
    renderRef.current = render;
    ignoreRef.current = ignore;
  });
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    let fresh = 0;
    for (const id of ids) {
      if (seen.current.has(id)) continue;
      seen.current.add(id);
      if (!ignoreRef.current?.(id)) fresh++;
    }
    if (fresh > 0) announcer.count(key, (n) => renderRef.current(n), fresh);
  }, [ids, key]);
}

/** Announces `text` whenever `value` changes after the first render (a phase, a status). */
export function useAnnounceChange(value: string | null, text: string | null, key = 'change'): void {
  const last = useRef(value);
  useEffect(() => {
    if (value === last.current) return;
    const first = last.current === null;
    last.current = value;
    if (!first && text) announcer.say(text, key);
  }, [value, text, key]);
}

/**
 * Announces a countdown reaching zero ("Time is up"), once per run: pass the remaining
 * milliseconds the timer shows and whether it is running.
 */
export function useAnnounceTimerEnd(remainingMs: number, running: boolean, text: string): void {
  const armed = useRef(false);
  useEffect(() => {
    if (running && remainingMs > 0) armed.current = true;
    else if (armed.current && remainingMs <= 0) {
      armed.current = false;
      announcer.say(text);
    } else if (!running) armed.current = false;
  }, [remainingMs, running, text]);
}

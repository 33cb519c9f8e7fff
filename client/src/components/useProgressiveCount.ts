import { startTransition, useEffect, useState } from 'react';

/**
 * A long list's first render, a screenful first (issue 13, item 8). On a phone 4x slower than
 * a laptop, React rendering 200 topic cards took 1.7-2.4 s before anything could be touched;
 * the first screen needs about a dozen. So a list renders `first` items at once and then
 * `step` more in each idle moment, as a transition (input and sync updates go first), until
 * it holds them all; from then on it renders every item as usual (a card that arrives later
 * is never held back). The cards below the screen are still all in the page within a second
 * or two, for find-in-page, screen readers and keyboard order.
 */
export const FIRST_ITEMS = 12;
export const ITEMS_PER_IDLE = 24;

type Idle = (callback: () => void) => () => void;

/** requestIdleCallback where there is one (not in Safari), a macrotask elsewhere. */
export const whenIdle: Idle = (callback) => {
  if (typeof window.requestIdleCallback === 'function') {
    // The timeout keeps a busy page (a live board, typing) from starving the list.
    const handle = window.requestIdleCallback(callback, { timeout: 200 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 1);
  return () => window.clearTimeout(handle);
};

/** How many of `total` items to render now. */
export function useProgressiveCount(total: number, first = FIRST_ITEMS, step = ITEMS_PER_IDLE) {
  const [shown, setShown] = useState(first);
  // Complete once it has held every item of a non-empty list: later growth renders at once.
  const [complete, setComplete] = useState(false);
  if (!complete && total > 0 && shown >= total) setComplete(true);
  const pending = !complete && shown < total;
  useEffect(() => {
    if (!pending) return undefined;
    return whenIdle(() => startTransition(() => setShown((n) => n + step)));
  }, [pending, shown, step]);
  return complete ? total : Math.min(shown, total);
}

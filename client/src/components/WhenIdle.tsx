import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from './useProgressiveCount.ts';

/**
 * What a phone needs after the board, not for it (polls and questions, who is here, the
 * extras and the foot of the page): rendered, and its lazy code loaded, once the browser
 * has a quiet moment after the board's first screen (issue 13, item 8). On a phone 4x
 * slower than a laptop these parts cost a repeat visit several hundred milliseconds of a
 * busy main thread before the person could type; now they follow a moment later.
 */
export function WhenIdle({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(
    () => (ready ? undefined : whenIdle(() => startTransition(() => setReady(true)))),
    [ready],
  );
  return ready ? children : null;
}

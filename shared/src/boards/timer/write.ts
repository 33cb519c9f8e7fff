import type * as Y from 'yjs';
import { TIMER_ROOT } from './layout.ts';
import type { TimerState } from './read.ts';

/** Writes a timer state, leaving out the fields that are null and the ones that did not change. */
export function writeTimer(doc: Y.Doc, state: TimerState): void {
  const timer = doc.getMap<unknown>(TIMER_ROOT);
  for (const [key, value] of Object.entries(state)) {
    if (value === null) timer.delete(key);
    else if (timer.get(key) !== value) timer.set(key, value);
  }
}

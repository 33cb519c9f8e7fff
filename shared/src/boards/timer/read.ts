import type * as Y from 'yjs';
import { TIMER_ROOT } from './layout.ts';

export interface TimerState {
  running: boolean;
  /** Server-clock ms when a running timer ends. */
  endsAt: number | null;
  /** Left while paused (or the full duration before it first runs). */
  remainingMs: number | null;
  label: string;
}

export const STOPPED: TimerState = { running: false, endsAt: null, remainingMs: null, label: '' };

export function readTimer(doc: Y.Doc): TimerState {
  const m = doc.getMap<unknown>(TIMER_ROOT);
  const endsAt = m.get('endsAt');
  const remaining = m.get('remainingMs');
  const label = m.get('label');
  return {
    running: m.get('running') === true,
    endsAt: typeof endsAt === 'number' ? endsAt : null,
    remainingMs: typeof remaining === 'number' ? remaining : null,
    label: typeof label === 'string' ? label : '',
  };
}

/**
 * The shared sprint timer (pure). The server computes it from its own clock; screens
 * show `remaining(timer, serverNow)` with their estimated offset to the server's clock.
 */
export interface TimerState {
  endsAt: number | null;
  remainingMs: number | null;
  running: boolean;
  label: string;
}

export type TimerAction =
  | { action: 'start'; durationMs?: number | undefined; label?: string | undefined }
  | { action: 'pause' | 'resume' | 'reset' };

export const STOPPED: TimerState = { endsAt: null, remainingMs: null, running: false, label: '' };

/** The next timer state, or null when the action makes no sense now (resume a stopped timer). */
export function nextTimer(timer: TimerState, cmd: TimerAction, now: number): TimerState | null {
  switch (cmd.action) {
    case 'start':
      if (cmd.durationMs === undefined) return null;
      return {
        endsAt: now + cmd.durationMs,
        remainingMs: cmd.durationMs,
        running: true,
        label: cmd.label ?? timer.label,
      };
    case 'pause':
      if (!timer.running || timer.endsAt === null) return null;
      return {
        ...timer,
        endsAt: null,
        remainingMs: Math.max(0, timer.endsAt - now),
        running: false,
      };
    case 'resume':
      if (timer.running || !timer.remainingMs) return null;
      return { ...timer, endsAt: now + timer.remainingMs, running: true };
    case 'reset':
      return { ...STOPPED, label: timer.label };
  }
}

/** Milliseconds left at `now` (server time). */
export function remaining(timer: TimerState, now: number): number {
  if (timer.running && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs ?? 0);
}

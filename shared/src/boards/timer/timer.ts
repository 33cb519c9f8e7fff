import type { TimerState } from './read.ts';

/**
 * The facilitator timer lives in the document in server time (endsAt), so every screen,
 * remote ones included, counts down alike whatever its own clock says. A device turns its
 * clock into the server's with the offset it measured at join (JoinResult.serverTime) and
 * from each presence broadcast (PresenceAggregate.serverTime).
 */
export function remainingMs(timer: TimerState, serverNow: number): number {
  if (timer.running && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  return Math.max(0, timer.remainingMs ?? 0);
}

/** Formats a remaining time as m:ss (or h:mm:ss), for every screen alike. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface TimerAction {
  action: 'start' | 'pause' | 'resume' | 'reset';
  /** Required for start. */
  durationMs?: number | undefined;
  label?: string | undefined;
  /**
   * The timer as the sender's screen showed it when pressed (timerSeen). A press that
   * waited in an offline console's outbox is refused (`changed`) if the timer has changed
   * since, instead of undoing what another facilitator did meanwhile.
   */
  seen?: string | undefined;
}

/** The timer a screen shows, as a short string: a press names what it acted on. */
export const timerSeen = (timer: TimerState): string =>
  `${timer.running ? 'run' : 'stop'}:${timer.endsAt ?? ''}:${timer.remainingMs ?? ''}`;

/**
 * The next timer record for a facilitator's action at server time `now` (pure, used by the
 * server's timer handler). Returns null when the action makes no sense in this state.
 */
export function nextTimer(timer: TimerState, cmd: TimerAction, now: number): TimerState | null {
  const label = cmd.label ?? timer.label;
  switch (cmd.action) {
    case 'start':
      if (cmd.durationMs === undefined) return null;
      return { running: true, endsAt: now + cmd.durationMs, remainingMs: cmd.durationMs, label };
    case 'pause':
      if (!timer.running) return null;
      return { running: false, endsAt: null, remainingMs: remainingMs(timer, now), label };
    case 'resume':
      if (timer.running || !timer.remainingMs) return null;
      return {
        running: true,
        endsAt: now + timer.remainingMs,
        remainingMs: timer.remainingMs,
        label,
      };
    case 'reset':
      return { running: false, endsAt: null, remainingMs: null, label };
  }
}

import { describe, expect, it } from 'vitest';
import { formatRemaining, nextTimer, remainingMs } from './timer.ts';
import type { TimerState } from './read.ts';

const idle: TimerState = { running: false, endsAt: null, remainingMs: null, label: '' };

describe('timer', () => {
  it('counts down from server time, pauses, resumes and resets', () => {
    const started = nextTimer(idle, 'start', 1_000, { durationMs: 60_000, label: 'Session 1' })!;
    expect(started).toEqual({
      running: true,
      endsAt: 61_000,
      remainingMs: 60_000,
      label: 'Session 1',
    });
    expect(remainingMs(started, 31_000)).toBe(30_000);
    expect(remainingMs(started, 99_000)).toBe(0);
    const paused = nextTimer(started, 'pause', 41_000, {})!;
    expect(paused).toEqual({
      running: false,
      endsAt: null,
      remainingMs: 20_000,
      label: 'Session 1',
    });
    expect(remainingMs(paused, 500_000)).toBe(20_000);
    const resumed = nextTimer(paused, 'resume', 100_000, {})!;
    expect(remainingMs(resumed, 110_000)).toBe(10_000);
    expect(nextTimer(resumed, 'reset', 0, {})).toEqual(idle && { ...idle, label: 'Session 1' });
  });

  it('refuses actions that make no sense', () => {
    expect(nextTimer(idle, 'start', 0, {})).toBeNull();
    expect(nextTimer(idle, 'pause', 0, {})).toBeNull();
    expect(nextTimer(idle, 'resume', 0, {})).toBeNull();
  });

  it('formats a remaining time as m:ss or h:mm:ss', () => {
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatRemaining(400)).toBe('0:01');
  });
});

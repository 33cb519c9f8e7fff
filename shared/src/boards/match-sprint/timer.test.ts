import { describe, expect, it } from 'vitest';
import { nextTimer, remaining, STOPPED } from './timer.ts';

describe('sprint timer', () => {
  it('starts, pauses, resumes and resets in server time', () => {
    const started = nextTimer(
      STOPPED,
      { action: 'start', durationMs: 60_000, label: 'Sprint 1' },
      1_000,
    )!;
    expect(started).toEqual({
      endsAt: 61_000,
      remainingMs: 60_000,
      running: true,
      label: 'Sprint 1',
    });
    expect(remaining(started, 31_000)).toBe(30_000);
    const paused = nextTimer(started, { action: 'pause' }, 31_000)!;
    expect(paused).toMatchObject({ running: false, endsAt: null, remainingMs: 30_000 });
    expect(remaining(paused, 99_000)).toBe(30_000);
    const resumed = nextTimer(paused, { action: 'resume' }, 100_000)!;
    expect(resumed).toMatchObject({ running: true, endsAt: 130_000 });
    expect(remaining(resumed, 200_000)).toBe(0);
    expect(nextTimer(resumed, { action: 'reset' }, 1)).toEqual({ ...STOPPED, label: 'Sprint 1' });
  });

  it('refuses what makes no sense now', () => {
    expect(nextTimer(STOPPED, { action: 'pause' }, 0)).toBeNull();
    expect(nextTimer(STOPPED, { action: 'resume' }, 0)).toBeNull();
    expect(nextTimer(STOPPED, { action: 'start' }, 0)).toBeNull();
  });
});

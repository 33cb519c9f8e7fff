import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatRemaining, nextTimer, remainingMs } from './timer.ts';
import { readTimer, STOPPED } from './read.ts';
import { writeTimer } from './write.ts';
import { TIMER_ROOT } from './layout.ts';

describe('timer', () => {
  it('counts down from server time, pauses, resumes and resets', () => {
    const started = nextTimer(
      STOPPED,
      { action: 'start', durationMs: 60_000, label: 'Session 1' },
      1_000,
    )!;
    expect(started).toEqual({
      running: true,
      endsAt: 61_000,
      remainingMs: 60_000,
      label: 'Session 1',
    });
    expect(remainingMs(started, 31_000)).toBe(30_000);
    expect(remainingMs(started, 99_000)).toBe(0);
    const paused = nextTimer(started, { action: 'pause' }, 41_000)!;
    expect(paused).toEqual({
      running: false,
      endsAt: null,
      remainingMs: 20_000,
      label: 'Session 1',
    });
    expect(remainingMs(paused, 500_000)).toBe(20_000);
    const resumed = nextTimer(paused, { action: 'resume' }, 100_000)!;
    expect(resumed).toMatchObject({ running: true, endsAt: 120_000 });
    expect(remainingMs(resumed, 110_000)).toBe(10_000);
    expect(nextTimer(resumed, { action: 'reset' }, 0)).toEqual({ ...STOPPED, label: 'Session 1' });
  });

  it('refuses actions that make no sense', () => {
    expect(nextTimer(STOPPED, { action: 'start' }, 0)).toBeNull();
    expect(nextTimer(STOPPED, { action: 'pause' }, 0)).toBeNull();
    expect(nextTimer(STOPPED, { action: 'resume' }, 0)).toBeNull();
  });

  it('formats what is left as m:ss or h:mm:ss', () => {
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatRemaining(400)).toBe('0:01');
  });

  it('reads a timer both board kinds stored before they shared it', () => {
    // The record both kinds wrote: root `timer`, fields endsAt/remainingMs/running/label.
    const doc = new Y.Doc();
    const old = doc.getMap<unknown>('timer');
    old.set('running', true);
    old.set('endsAt', 90_000);
    old.set('remainingMs', 60_000);
    old.set('label', 'Sprint 2');
    expect(TIMER_ROOT).toBe('timer');
    expect(readTimer(doc)).toEqual({
      running: true,
      endsAt: 90_000,
      remainingMs: 60_000,
      label: 'Sprint 2',
    });
  });

  it('writes only what changed and drops the fields that are null', () => {
    const doc = new Y.Doc();
    writeTimer(doc, { running: true, endsAt: 5, remainingMs: 5, label: 'x' });
    writeTimer(doc, { ...STOPPED, label: 'x' });
    expect([...doc.getMap(TIMER_ROOT).keys()].sort()).toEqual(['label', 'running']);
    expect(readTimer(doc)).toEqual({ ...STOPPED, label: 'x' });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and folds the rest into one trailing call', () => {
    const fn = vi.fn();
    const t = throttle(fn, 250);
    t(1);
    t(2);
    t(3);
    expect(fn.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(250);
    expect(fn.mock.calls).toEqual([[1], [3]]);
  });

  it('never swallows the last state (e.g. "stopped typing")', () => {
    const fn = vi.fn();
    const t = throttle(fn, 250);
    t(true);
    vi.advanceTimersByTime(100);
    t(false);
    vi.advanceTimersByTime(150);
    expect(fn.mock.calls.at(-1)).toEqual([false]);
  });

  it('cancel drops a pending trailing call', () => {
    const fn = vi.fn();
    const t = throttle(fn, 250);
    t(1);
    t(2);
    t.cancel();
    vi.advanceTimersByTime(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { betterSample, clockSample } from './clock.ts';

describe('server clock offset', () => {
  it('assumes the server read its clock half-way through the round trip', () => {
    expect(clockSample(10_100, 1_000, 1_200)).toEqual({ offsetMs: 9_000, roundTripMs: 200 });
  });

  it('keeps the sample with the shorter round trip', () => {
    const slow = clockSample(5_000, 0, 800);
    const fast = clockSample(5_000, 100, 150);
    expect(betterSample(slow, fast)).toBe(fast);
    expect(betterSample(fast, slow)).toBe(fast);
    expect(betterSample(null, slow)).toBe(slow);
  });
});

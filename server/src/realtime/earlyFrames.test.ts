import { describe, expect, it } from 'vitest';
import { EarlyFrames, MAX_EARLY_BYTES } from './earlyFrames.ts';

describe('frames before the room is attached', () => {
  it('keeps them in order, bounded by count and by bytes, and hands them over once', () => {
    const byCount = new EarlyFrames(2, 1_000);
    expect([1, 2, 3].map((n) => byCount.push(new Uint8Array([n])))).toEqual([true, true, false]);
    expect(byCount.take().map((f) => f[0])).toEqual([1, 2]);
    expect(byCount.take()).toEqual([]);

    // The default: two frames of 2 MiB (the largest payload) fit, a third byte does not.
    const byBytes = new EarlyFrames();
    const half = new Uint8Array(MAX_EARLY_BYTES / 2);
    expect(byBytes.push(half)).toBe(true);
    expect(byBytes.push(half)).toBe(true);
    expect(byBytes.push(new Uint8Array(1))).toBe(false);
  });
});

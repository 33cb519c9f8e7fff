import { describe, expect, it, vi } from 'vitest';
import { entityTime } from '@twinspace/shared/boards/common';
import { connectionActions, useConnectionStore } from './connectionStore.ts';

const since = (): number | null => useConnectionStore.getState().outOfStepSince;

describe('connection store', () => {
  it('knows since when a screen that was in step is out of step (a wall says "as of")', () => {
    connectionActions().reset();
    connectionActions().setState('syncing', null);
    expect(since()).toBeNull(); // starting up: nothing old on the screen yet
    connectionActions().setState('online', null);
    expect(since()).toBeNull();
    const before = Date.now();
    connectionActions().setState('syncing', null);
    const left = since();
    expect(left).toBeGreaterThanOrEqual(before);
    connectionActions().setState('offline', null);
    expect(since()).toBe(left); // the same episode: still since it left 'online'
    connectionActions().setState('online', null);
    expect(since()).toBeNull();
  });

  it('dates what this device makes in server time, by the last offset it measured when it has none yet', () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
      removeItem: (k: string) => void kept.delete(k),
    });
    try {
      // This phone's clock runs 15 minutes fast: the join measured it.
      connectionActions().setClock({ offsetMs: -900_000, roundTripMs: 40 });
      expect(Math.abs(entityTime() - (Date.now() - 900_000))).toBeLessThan(1_000);
      // Reopened offline (no join, no sample yet): still dated by the offset it measured.
      connectionActions().reset();
      expect(Math.abs(entityTime() - (Date.now() - 900_000))).toBeLessThan(1_000);
    } finally {
      vi.unstubAllGlobals();
      connectionActions().reset();
    }
  });
});

import { describe, expect, it } from 'vitest';
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
});

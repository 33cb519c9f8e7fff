import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TIMING } from '@twinspace/shared/timing';
import { deviceCopyRead, type OpenedCopy, type PreparedOpen } from './devicePrepare.ts';

/** A prepared open whose device copy finishes reading when `finish` is called. */
function prepared(opened: 'copy' | 'none'): { early: PreparedOpen; finish: () => void } {
  let finish = (): void => undefined;
  const loaded = new Promise<void>((resolve) => (finish = resolve));
  const copy = { copy: { loaded } } as unknown as OpenedCopy;
  const early: PreparedOpen = {
    doc: new Y.Doc(),
    local: Promise.resolve(null),
    opened: Promise.resolve(opened === 'copy' ? copy : null),
  };
  return { early, finish };
}

/** Whether `p` has settled once pending timers and microtasks ran (fake clock). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('deviceCopyRead: a repeat visit shows the board once the copy is read', () => {
  afterEach(() => void vi.useRealTimers());

  it('waits for the copy, and no longer than it takes', async () => {
    vi.useFakeTimers();
    const { early, finish } = prepared('copy');
    const read = deviceCopyRead(early);
    expect(await settled(read)).toBe(false);
    finish();
    expect(await settled(read)).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // the cap's timer is cleared
  });

  it('never holds the board back past TIMING.deviceCopyWaitMs (a slow IndexedDB)', async () => {
    vi.useFakeTimers();
    const read = deviceCopyRead(prepared('copy').early);
    await vi.advanceTimersByTimeAsync(TIMING.deviceCopyWaitMs - 1);
    expect(await settled(read)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(read)).toBe(true);
  });

  it('does not wait when there is no copy to read', async () => {
    vi.useFakeTimers();
    expect(await settled(deviceCopyRead(prepared('none').early))).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TIMING } from '@twinspace/shared/timing';

/** An IndexedDB whose `open` fails (private mode, a full disk) or never answers. */
function brokenIndexedDb(kind: 'refuses' | 'silent'): void {
  const open = () => {
    const request: { onerror?: (event: unknown) => void } = {};
    if (kind === 'refuses')
      setTimeout(() => request.onerror?.({ target: { error: new Error('InvalidStateError') } }));
    return request;
  };
  vi.stubGlobal('indexedDB', { open, deleteDatabase: open });
}

/** deviceCopy.ts asks once a page whether IndexedDB works: a fresh module per case. */
async function fresh() {
  vi.resetModules();
  return (await import('./deviceCopy.ts')).keepOnDevice;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('keepOnDevice', () => {
  // The board connects only once the copy is loaded (DocConnection.keep): a copy that never
  // loads kept a phone in private mode "Syncing" forever, its topics never sent.
  it('is loaded (as no copy) when IndexedDB refuses to open', async () => {
    brokenIndexedDb('refuses');
    const keepOnDevice = await fresh();
    const copy = keepOnDevice('ABC234', 'participant', new Y.Doc());
    // Before: never loaded (the test ran into its timeout).
    await expect(copy.loaded).resolves.toBeUndefined();
    copy.destroy();
  });

  it('is loaded (as no copy) when IndexedDB never answers', async () => {
    brokenIndexedDb('silent');
    const keepOnDevice = await fresh();
    vi.useFakeTimers();
    const copy = keepOnDevice('ABC234', 'participant', new Y.Doc());
    let loaded = false;
    void copy.loaded.then(() => (loaded = true));
    await vi.advanceTimersByTimeAsync(TIMING.deviceCopyGiveUpMs - 100);
    expect(loaded).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(loaded).toBe(true);
    copy.destroy();
  });
});

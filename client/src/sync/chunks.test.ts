import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadChunk } from './chunks.ts';

/** A loader that fails `failures` times (as an import does offline), then loads. */
function flaky(failures: number) {
  let calls = 0;
  const load = vi.fn(async () => {
    calls++;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return { loaded: calls };
  });
  return load;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('loadChunk: code that downloads after the page survives a lost network', () => {
  it('tries the same import again, backing off, until it loads', async () => {
    vi.useFakeTimers();
    const load = flaky(3);
    const result = loadChunk(load);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ loaded: 4 });
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('gives up after its attempts while online, with the last error', async () => {
    vi.useFakeTimers();
    const load = flaky(10);
    const result = loadChunk(load, 3);
    const settled = expect(result).rejects.toThrow('Failed to fetch');
    await vi.runAllTimersAsync();
    await settled;
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not count time offline: it waits for the browser to be online again', async () => {
    vi.useFakeTimers();
    const events = new EventTarget();
    const nav = { onLine: false };
    vi.stubGlobal('navigator', nav);
    vi.stubGlobal('window', events);
    const load = flaky(1);
    const result = loadChunk(load, 1);
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1); // failed offline: not counted, waiting
    nav.onLine = true;
    events.dispatchEvent(new Event('online'));
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ loaded: 2 });
  });
});

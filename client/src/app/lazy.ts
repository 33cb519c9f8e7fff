// The one place that may call React's lazy: every lazy view retries its download (eslint).
// eslint-disable-next-line no-restricted-imports
import { lazy as reactLazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadChunk, VIEW_ATTEMPTS } from '../sync/chunks.ts';

/**
 * React's lazy, with a download that survives a lost network (sync/chunks.ts): the view's
 * fallback stays on screen while the device is offline and the view appears once it is back.
 * A view that still cannot load reaches the app's LoadFailed boundary, never a blank page.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React's own signature
export function lazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): LazyExoticComponent<T> {
  return reactLazy(() => loadChunk(load, VIEW_ATTEMPTS));
}

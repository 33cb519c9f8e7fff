import { createElement, use, type ComponentProps, type ComponentType } from 'react';
import { loadChunk, VIEW_ATTEMPTS } from '../sync/chunks.ts';

/** A promise React's `use` reads without suspending once it has settled. */
type Tracked<T> = Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** One download per loader, shared by the views that render it and whoever preloads it. */
const downloads = new WeakMap<() => Promise<unknown>, Tracked<unknown>>();

/**
 * Starts (once) the download of a view's code, with a download that survives a lost network
 * (sync/chunks.ts). What a route or board preloads with this (main.tsx, boards/loaders.ts)
 * is already settled when its view first renders, so that view renders at once instead of
 * suspending: React.lazy always suspends on its first render, even for code that is already
 * here, and the retry renders the whole board again (issue 13, item 8: a repeat visit
 * rendered the board three times before it showed).
 */
export function preloadView<M>(load: () => Promise<M>): Promise<M> {
  const known = downloads.get(load) as Tracked<M> | undefined;
  if (known) return known;
  const download: Tracked<M> = loadChunk(load, VIEW_ATTEMPTS);
  // The fields React's `use` reads on a thenable it did not create (React docs, "use").
  download.then(
    (value) => Object.assign(download, { status: 'fulfilled', value }),
    (reason: unknown) => Object.assign(download, { status: 'rejected', reason }),
  );
  downloads.set(load, download);
  return download;
}

/**
 * The app's lazy views (eslint allows React's own lazy nowhere else). A view that still
 * cannot load reaches the app's LoadFailed boundary, never a blank page; while the device is
 * offline its Suspense fallback stays on screen and the view appears once it is back.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
export function lazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): ComponentType<ComponentProps<T>> {
  return function LazyView(props: ComponentProps<T>) {
    return createElement(use(preloadView(load)).default, props);
  };
}

import { useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API: the app has four routes, and a router library would
 * cost bytes every phone downloads. navigate() pushes and notifies; back/forward arrive
 * as popstate.
 */
const NAVIGATE_EVENT = 'twinspace:navigate';

export function navigate(to: string, { replace = false } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  if (replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!replace) window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export const usePathname = (): string =>
  useSyncExternalStore(subscribe, () => window.location.pathname);

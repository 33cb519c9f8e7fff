import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/App.tsx';
import { parseRoute } from './app/routes.ts';
import i18next from 'i18next';
import { initI18n } from './i18n/index.ts';
import { prefetchBoard, storedKind } from './sync/prefetch.ts';
import './styles/base.css';
import './styles/controls.css';
import './styles/board.css';
import './styles/pages.css';
import './styles/projector.css';
import './styles/translations.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The language is loaded before the first render, so no text ever flashes in English;
// the route's code downloads meanwhile.
const routeModule = preloadRoute(window.location.pathname);
const route = parseRoute(window.location.pathname);
// An event's code is no board's (docs/events.md): its pages load their own data.
if ('code' in route && !route.name.startsWith('event')) {
  // The board's info, the control socket and (once the info names the board's kind) the
  // board's own code all start loading now, in parallel with the route's code.
  const info = prefetchBoard(route.code);
  void import('./sync/socket.ts').then((m) => m.preconnect());
  // A board this device has seen names its kind at once: its code loads now (from the
  // service worker's cache), not after a round trip for the board's info.
  const known = storedKind(route.code);
  const kind =
    known ?? info.then(({ ok, body }) => (ok ? (body as { kind?: unknown })?.kind : null));
  void Promise.all([routeModule, kind]).then(
    ([page, k]) => {
      // Board routes' pages preload the board's chunks; the event pages have nothing to preload.
      const preload = (page as { preloadBoard?: (kind: string) => void }).preloadBoard;
      if (typeof k === 'string') preload?.(k);
    },
    () => undefined,
  );
}

void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The offline app shell (service worker) registers after the page has loaded: it never
  // competes with the board for a phone's first seconds.
  const register = (): unknown =>
    setTimeout(() => void import('./app/appUpdate.ts').then((m) => m.registerApp(i18next)), 1_000);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
});

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/App.tsx';
import { parseRoute } from './app/routes.ts';
import i18next from 'i18next';
import { initI18n } from './i18n/index.ts';
import { prefetchBoard, prefetchDeviceOpen, storedKind } from './sync/prefetch.ts';
import './styles/base.css';
import './styles/controls.css';
import './styles/board.css';
import './styles/pages.css';
import './styles/projector.css';
import './styles/translations.css';
import { loadChunk } from './sync/chunks.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The language is loaded before the first render, so no text ever flashes in English;
// the route's code downloads meanwhile.
const routeModule = preloadRoute(window.location.pathname);
const route = parseRoute(window.location.pathname);
/** A phone's board page registers the service worker once the board is open, or after this long. */
const SW_AT_LATEST_MS = 15_000;
// An event's code is no board's (docs/events.md): its pages load their own data.
const boardCode = 'code' in route && !route.name.startsWith('event') ? route.code : null;
if (boardCode !== null) {
  // The board's info, the control socket and (once the info names the board's kind) the
  // board's own code all start loading now, in parallel with the route's code.
  const info = prefetchBoard(boardCode);
  // (Failed offline, the board session opens its own socket later.)
  void import('./sync/socket.ts').then(
    (m) => m.preconnect(),
    () => undefined,
  );
  // A board this device has seen names its kind at once: its code loads now (from the
  // service worker's cache), not after a round trip for the board's info.
  const known = storedKind(boardCode);
  const role = route.name === 'event-projector' ? null : route.name;
  if (known !== null && (role === 'participant' || role === 'facilitator' || role === 'projector'))
    prefetchDeviceOpen(boardCode, role);
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
  // The offline app shell (service worker) registers after the page has loaded, and on a
  // phone's board page once the board is open: it never competes with the board for a
  // phone's first seconds on 3G (its precache is the whole app). The big screens (console,
  // wall) are on good links and register at once, so that they work offline early.
  const start = (): void =>
    void loadChunk(() => import('./app/appUpdate.ts')).then((m) => m.registerApp(i18next));
  const register = (): unknown =>
    route.name === 'participant'
      ? loadChunk(() => import('./state/sessionStore.ts')).then((m) =>
          m.whenBoardOpen(start, SW_AT_LATEST_MS),
        )
      : setTimeout(start, 1_000);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
});

import type { i18n } from 'i18next';
import { registerSW } from 'virtual:pwa-register';
import { namespaceLoader } from '../i18n/namespaceLoader.ts';

/** How often a long session (a whole workshop day) asks whether a new version exists. */
const CHECK_EVERY_MS = 30 * 60_000;
/** How often a waiting update looks for a calm moment to offer itself. */
const CALM_CHECK_MS = 2_000;

/** What the prompt needs of the app's i18next (passed in by the entry script). */
export interface AppUpdateDeps {
  t(key: 'update.ready' | 'update.reload' | 'update.later'): string;
}

/** The `device` namespace (LAZY_NAMESPACES), one small chunk per language. */
const deviceStrings = namespaceLoader(
  'device',
  import.meta.glob<Record<string, unknown>>('../i18n/locales/*/device.json', { import: 'default' }),
);

/** Nobody is typing (a focused field) or dragging (dnd-kit marks the card) right now. */
export function isCalm(doc: Document = document): boolean {
  const active = doc.activeElement;
  const typing =
    active instanceof HTMLElement &&
    (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName));
  return !typing && doc.querySelector('.is-dragging') === null;
}

/**
 * Registers the service worker (vite-plugin-pwa, registerType 'prompt'): a new version is
 * installed in the background and waits; the person is offered a reload at a calm moment
 * (nobody typing or dragging), never forced under a running session: their edits and
 * outbox are on the device, so the reload loses nothing. Loaded lazily by the entry script
 * after the page has loaded, from a script file (no inline script), and drawn without React
 * so that it costs the board's first load nothing.
 */
export function registerApp(i18next: i18n): void {
  linkManifest();
  const deps: AppUpdateDeps = { t: (key) => i18next.t(key, { ns: 'device' }) };
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () =>
      void deviceStrings.loadNow().then(() => offer(deps, () => void update(true))),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
  });
}

/**
 * The web app manifest (installable on a home screen). A board page comes without its link
 * (server/src/http/route-hints.ts): on a 3G phone's six connections the manifest and its
 * icon took two of them while the board's own files waited. Linked here, once the board is
 * open; the browser reads it then.
 */
function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/manifest.webmanifest';
  document.head.appendChild(link);
}

function offer(deps: AppUpdateDeps, reload: () => void): void {
  const bar = document.createElement('div');
  bar.className = 'update-prompt';
  bar.setAttribute('role', 'status');
  bar.dataset['testid'] = 'update-prompt';
  const text = document.createElement('p');
  text.textContent = deps.t('update.ready');
  const button = (label: string, className: string, onClick: () => void): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  let dismissed = false;
  const timer = setInterval(() => {
    // Shown only while calm: it never appears under a finger mid-drag or a typing thumb.
    const calm = isCalm();
    if (dismissed) return;
    if (calm && !bar.isConnected) document.body.append(bar);
    if (!calm && bar.isConnected) bar.remove();
  }, CALM_CHECK_MS);
  bar.append(
    text,
    button(deps.t('update.reload'), 'button', reload),
    button(deps.t('update.later'), 'button button--quiet', () => {
      dismissed = true;
      clearInterval(timer);
      bar.remove();
    }),
  );
}

/**
 * How the service worker answers a page request (issue 13, item 8: a repeat visit editable
 * within 1.5 s on "Fast 3G"). Workbox stringifies this function into sw.js, so it must be
 * self-contained: no imports, no module-level names, only the worker's globals.
 *
 * - A board this device holds (the client marks its page in the `twinspace-held` cache once
 *   it joined, src/sync/heldPages.ts, and unmarks it when the board is left or deleted):
 *   the precached app shell at once, no round trip. The app opens the board from its
 *   IndexedDB copy and syncs behind it, so the server's preview would only be painted over.
 *   The shell is this worker's own version, so it names chunks this worker precached: it
 *   works offline, and a new deploy is still found by the browser's update check on this
 *   navigation and offered by src/app/appUpdate.ts. While a new version is installing or
 *   waiting, the precache holds two shells, so held pages go to the network as before.
 * - Any other page: network first (the server renders the board into it, SPEC R15), after
 *   4 s or offline the last copy of that page, else the app shell.
 */
export async function pageHandler({ request }: { request: Request }): Promise<Response> {
  const PAGES = 'twinspace-pages';
  const MAX_PAGES = 30;
  const TIMEOUT_MS = 4000;
  const worker = self as unknown as { registration?: ServiceWorkerRegistration };
  const shell = (): Promise<Response | undefined> =>
    caches.match('/index.html', { ignoreSearch: true });
  const path = new URL(request.url).pathname;
  const updating = Boolean(worker.registration?.installing ?? worker.registration?.waiting);
  if (!updating) {
    const held = await caches
      .open('twinspace-held')
      .then((cache) => cache.match(path))
      .catch(() => undefined);
    const app = held ? await shell() : undefined;
    if (app) return app;
  }
  const pages = await caches.open(PAGES);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      await pages.put(request, response.clone());
      const keys = await pages.keys();
      // Oldest first: Cache keys keep insertion order (a re-put moves a page to the end).
      await Promise.all(
        keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((k) => pages.delete(k)),
      );
    }
    return response;
  });
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), TIMEOUT_MS),
  );
  const first = await Promise.race([network, timeout]).catch(() => undefined);
  if (first) return first;
  const fallback = (await pages.match(request)) ?? (await shell());
  return fallback ?? network;
}

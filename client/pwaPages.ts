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
    if (held && app) return withModules(app, await held.text().catch(() => ''));
  }
  /**
   * The shell names every module the page loaded last time (the held marker's list, written
   * by src/sync/heldPages.ts) as a modulepreload: the browser fetches and compiles them side
   * by side from the precache while the entry script runs, instead of discovering them one
   * lazy import after another. A list from another build (its entry script is not this
   * shell's) or an unreadable one is ignored: the plain shell works as before.
   */
  async function withModules(app: Response, marker: string): Promise<Response> {
    let list: { entry?: unknown; modules?: unknown } = {};
    try {
      list = JSON.parse(marker) as typeof list;
    } catch {
      return app;
    }
    const html = await app.text();
    const modules = Array.isArray(list.modules) ? list.modules : [];
    const safe = modules.filter(
      (m): m is string => typeof m === 'string' && /^\/assets\/[\w.-]+\.js$/.test(m),
    );
    const same = typeof list.entry === 'string' && html.includes(`src="${list.entry}"`);
    const links = same
      ? safe
          .slice(0, 200)
          .filter((m) => !html.includes(`"${m}"`))
          .map((m) => `<link rel="modulepreload" crossorigin href="${m}">`)
          .join('')
      : '';
    const headers = new Headers(app.headers);
    headers.delete('content-length');
    return new Response(html.replace('</head>', `${links}</head>`), {
      status: app.status,
      statusText: app.statusText,
      headers,
    });
  }
  const pages = await caches.open(PAGES);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      // The copy keeps the board's preview but not its info block (src/sync/prefetch.ts):
      // opened from here, the app asks the server and knows whether it answered.
      const copy = (await response.clone().text()).replace(
        /<script type="application\/json" id="twinspace-board">[^<]*<\/script>/,
        '',
      );
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.delete('content-encoding');
      await pages.put(request, new Response(copy, { status: response.status, headers }));
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

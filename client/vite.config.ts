import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { codeSplitting, layerManifest } from './chunking.ts';
import { pageHandler } from './pwaPages.ts';

/**
 * The Node server (server/src/main.ts) owns every non-static path; in dev we proxy to it.
 * TWINSPACE_SERVER points the dev server at another one (e.g. a second checkout's port).
 */
const SERVER = process.env['TWINSPACE_SERVER'] ?? 'http://localhost:3000';

const LOCALES = fileURLToPath(new URL('./src/i18n/locales', import.meta.url));
const PREVIEW_CSS = fileURLToPath(new URL('./src/styles/preview.css', import.meta.url));

/**
 * The server renders a board's first view into its HTML (server/src/http/preview/) in the
 * reader's language, styled by its own small stylesheet; it reads both from the build, next
 * to index.html, so the client's bundles never carry them. preview-strings.json holds every
 * language: { en: {...}, de: ... }.
 */
function previewStrings(): Plugin {
  return {
    name: 'twinspace-preview-strings',
    generateBundle() {
      const all: Record<string, unknown> = {};
      for (const lang of fs.readdirSync(LOCALES)) {
        const file = path.join(LOCALES, lang, 'preview.json');
        if (fs.existsSync(file)) all[lang] = JSON.parse(fs.readFileSync(file, 'utf8'));
      }
      this.emitFile({
        type: 'asset',
        fileName: 'preview-strings.json',
        source: JSON.stringify(all),
      });
      this.emitFile({
        type: 'asset',
        fileName: 'preview.css',
        source: fs.readFileSync(PREVIEW_CSS, 'utf8'),
      });
    },
  };
}

/**
 * The app on the device (docs/architecture.md, "On the device"): a Workbox service worker
 * precaches the whole build (app shell, every route's and board's chunks, every language's
 * strings), so a board opened once opens again with no network. Pages: see pwaPages.ts (a
 * board this device holds opens from the app shell at once; others are network first).
 * 'prompt': a new version waits until the person reloads (offered at a calm moment,
 * src/app/appUpdate.ts), never under a running session. Registered from a script file,
 * lazily, after the first render (no inline script: the CSP forbids them).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  filename: 'sw.js',
  includeAssets: ['icons/apple-touch-icon.png'],
  manifest: {
    name: 'Twinspace',
    short_name: 'Twinspace',
    description: 'Live boards for open-space workshops and partner-city teams.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f5f3ee',
    theme_color: '#f5f3ee',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,json,png,svg,webmanifest}'],
    // The server's copies (preview strings and stylesheet) are for the server, not the app.
    globIgnores: ['preview-strings.json', 'preview.css', '.vite/**'],
    // The server renders board pages; the cached shell is only for when it cannot be reached.
    navigateFallback: null,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) =>
          request.mode === 'navigate' &&
          !url.pathname.startsWith('/api/') &&
          !url.pathname.startsWith('/socket.io/') &&
          !url.pathname.startsWith('/yjs/'),
        handler: pageHandler,
      },
    ],
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), previewStrings(), pwa, layerManifest()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest lets scripts/bundle-size.mjs measure what each route downloads.
    manifest: true,
    // The page's own scripts are preloaded from its HTML (here, and per route and board kind
    // by the server, server/src/http/route-hints.ts); a lazy import preloads nothing at run
    // time: Vite's helper added a <link rel=modulepreload> per dependency of each lazy import,
    // and on a phone 4x slower than a laptop those DOM insertions took 0.3-0.5 s of a repeat
    // visit's main thread (a Chrome trace of client-cost's visits, BENCH_PROFILE).
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    // A phone's board in a few files, not dozens (chunking.ts).
    // src/preconnect.ts: a second entry, the board pages' first script (route-hints.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        preconnect: fileURLToPath(new URL('./src/preconnect.ts', import.meta.url)),
      },
      output: { codeSplitting },
    },
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/healthz': SERVER,
      '/socket.io': { target: SERVER, ws: true },
      '/yjs': { target: SERVER, ws: true },
    },
  },
});

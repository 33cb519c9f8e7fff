import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), previewStrings()],
  resolve: {
    // The client never validates with zod (the server does): see src/build/zodInert.ts.
    alias: { zod: fileURLToPath(new URL('./src/build/zodInert.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest lets scripts/bundle-size.mjs measure what each route downloads.
    manifest: true,
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

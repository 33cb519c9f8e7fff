import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Node server (server/src/main.ts) owns every non-static path; in dev we proxy to it.
 * TWINSPACE_SERVER points the dev server at another one (e.g. a second checkout's port).
 */
const SERVER = process.env['TWINSPACE_SERVER'] ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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

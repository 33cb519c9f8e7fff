#!/usr/bin/env node
// What each route makes a browser download (JS, gzip), from the Vite manifest of the last
// `vite build`: the entry, the route's chunk and everything they import statically, plus
// the English strings loaded before the first render. Exits 1 over the participant budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET_KB = 180;

const ROUTES = {
  landing: 'src/app/pages/LandingPage.tsx',
  participant: 'src/app/pages/ParticipantPage.tsx',
  projector: 'src/app/pages/ProjectorPage.tsx',
  facilitator: 'src/app/pages/FacilitatorPage.tsx',
};

function collect(key, files) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) collect(dep, files);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

let over = false;
for (const [route, page] of Object.entries(ROUTES)) {
  const files = new Set();
  collect('index.html', files);
  collect('src/i18n/locales/en/index.ts', files);
  collect(page, files);
  const total = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipKb(f), 0);
  const flag =
    route === 'participant' && total > BUDGET_KB ? `  OVER BUDGET (${BUDGET_KB} KB)` : '';
  if (flag) over = true;
  console.log(`${route.padEnd(12)} ${total.toFixed(1).padStart(6)} KB gzip JS${flag}`);
}
process.exit(over ? 1 : 0);

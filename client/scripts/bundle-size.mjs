#!/usr/bin/env node
// What each route makes a browser download (JS, gzip), from the Vite manifest of the last
// `vite build`: the entry, the route's chunk and everything they import statically, plus
// the English strings loaded before the first render, and the board's own chunks for the
// route's role. Exits 1 when a participant's route is over the budget, or when any chunk
// carries zod (the server validates; the client imports only types from shared/, issue 15).
import { readdirSync, readFileSync } from 'node:fs';
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

// What a board route downloads once it knows the board's kind (client/src/boards/loaders.ts):
// the board's own chunks for that route's role, and the board's English strings.
const OS_STRINGS = 'src/i18n/locales/en/openSpace.json';
const MS_STRINGS = 'src/i18n/locales/en/matchSprint.json';
const BOARDS = {
  'open-space': {
    participant: ['src/boards/open-space/OpenSpaceBoard.tsx', OS_STRINGS],
    facilitator: [
      'src/boards/open-space/OpenSpaceBoard.tsx',
      'src/boards/open-space/FacilitatorConsole.tsx',
      OS_STRINGS,
    ],
    projector: ['src/boards/open-space/Projector.tsx', OS_STRINGS],
  },
  'match-sprint': {
    participant: ['src/boards/match-sprint/MatchSprintBoard.tsx', MS_STRINGS],
    facilitator: [
      'src/boards/match-sprint/MatchSprintBoard.tsx',
      'src/boards/match-sprint/FacilitatorControls.tsx',
      MS_STRINGS,
    ],
    projector: ['src/boards/match-sprint/ProjectorView.tsx', MS_STRINGS],
  },
};

function collect(key, files) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest: update bundle-size.mjs`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) collect(dep, files);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

function measure(page, boardModules) {
  const files = new Set();
  collect('index.html', files);
  collect('src/i18n/locales/en/index.ts', files);
  collect(page, files);
  for (const mod of boardModules) collect(mod, files);
  return [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipKb(f), 0);
}

let over = false;
for (const [route, page] of Object.entries(ROUTES)) {
  const variants = Object.entries(BOARDS)
    .filter(([, roles]) => roles[route])
    .map(([kind, roles]) => [`${route} (${kind})`, roles[route]]);
  for (const [label, modules] of route === 'landing' ? [[route, []]] : variants) {
    const total = measure(page, modules);
    const flag =
      route === 'participant' && total > BUDGET_KB ? `  OVER BUDGET (${BUDGET_KB} KB)` : '';
    if (flag) over = true;
    console.log(`${label.padEnd(28)} ${total.toFixed(1).padStart(6)} KB gzip JS${flag}`);
  }
}
// Every zod v4 schema object has a `_zod` property and zod names its error classes so;
// neither string appears in code that only uses types derived from the schemas.
const ZOD_MARKS = ['_zod', 'ZodError'];
for (const file of readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js'))) {
  const mark = ZOD_MARKS.find((m) => readFileSync(join(dist, file), 'utf8').includes(m));
  if (mark) {
    over = true;
    console.log(`${file} carries zod ("${mark}"): the client must not import a schema`);
  }
}
process.exit(over ? 1 : 0);

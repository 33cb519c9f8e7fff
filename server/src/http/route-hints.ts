import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BoardInfo, BoardKind } from '@twinspace/shared';
import { fromBuildFile } from './build-file.ts';

/** The client's page module for each board route (client/src/app/App.tsx loads them lazily). */
const PAGES: [RegExp, string][] = [
  [/^\/b\/[^/]+\/projector\/?$/, 'src/app/pages/ProjectorPage.tsx'],
  [/^\/b\/[^/]+\/facilitate\/?$/, 'src/app/pages/FacilitatorPage.tsx'],
  [/^\/b\/[^/]+\/?$/, 'src/app/pages/ParticipantPage.tsx'],
];

/**
 * What a participant's phone runs for a board of each kind once the page's own code has run
 * (client/src/boards/loaders.ts, boardChunks): the board's module and its strings. The
 * server knows the kind when it renders the preview, so the page names them too and the
 * phone fetches them beside the entry script, not a round trip after it.
 */
const KIND_MODULES: Record<BoardKind, (lang: string) => string[]> = {
  'open-space': (lang) => [
    'src/boards/open-space/OpenSpaceBoard.tsx',
    `src/i18n/locales/${lang}/openSpace.json`,
  ],
  'match-sprint': (lang) => [
    'src/boards/match-sprint/MatchSprintBoard.tsx',
    `src/i18n/locales/${lang}/matchSprint.json`,
  ],
};
/** The language's own strings (client/src/i18n), loaded before the first render. */
const LANGUAGE_MODULE = (lang: string): string => `src/i18n/locales/${lang}/index.ts`;

/** The board's kind and the reader's language, as the preview was rendered, and its info. */
export interface PageHints {
  kind: BoardKind;
  lang: string;
  info?: BoardInfo;
}

/** The element the client reads the board's info from (client/src/sync/prefetch.ts). */
const INFO_ID = 'twinspace-board';

/**
 * The board's info in the page, as data (a JSON block, never run: the CSP allows no inline
 * script), so that the join form shows without a request that would queue behind the app's
 * scripts on a 3G phone's few connections. `<` is escaped: the text cannot end the block.
 */
const infoBlock = (info: BoardInfo | undefined): string =>
  info
    ? `<script type="application/json" id="${INFO_ID}">${JSON.stringify(info).replaceAll('<', '\\u003c')}</script>`
    : '';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, Chunk>;

function chunkFiles(manifest: Manifest, key: string, out: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk || out.has(chunk.file)) return;
  out.add(chunk.file);
  for (const sheet of chunk.css ?? []) out.add(sheet);
  for (const dep of chunk.imports ?? []) chunkFiles(manifest, dep, out);
}

/** `modulepreload` links to built files, in order. */
const preloadLinks = (files: string[]): string =>
  files.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join('');

const FIRST_SCRIPT = /<script type="module"/;
const MANIFEST_LINK = /<link rel="manifest"[^>]*>/;
/** The board pages' first script: it opens the control socket (client/src/preconnect.ts). */
const PRECONNECT = 'src/preconnect.ts';

/**
 * The board pages' first script, `async`: it runs as soon as it and its few imports have
 * arrived, before the app's scripts and stylesheets, which a module script in the page waits
 * for. Before the app's entry in the page, so a phone asks for its files first.
 */
function firstScript(
  manifest: Manifest,
  closure: (keys: string[]) => string[],
): { html: string; files: string[] } {
  const script = manifest[PRECONNECT]?.file;
  if (script === undefined) return { html: '', files: [] };
  const files = closure([PRECONNECT]);
  const imports = files.filter((f) => f !== script);
  return {
    html:
      `<script type="module" async crossorigin src="/${script}"></script>` + preloadLinks(imports),
    files,
  };
}

/** A page's HTML as built, and the same page carrying a board's preview. */
export interface PageHtml {
  plain: string;
  withPreview: (preview: string, hints?: PageHints) => string;
  /** The CSP source of the inline preview stylesheet (`'sha256-...'`), if there is one. */
  previewStyleSource: string | null;
}

const STYLESHEET = /<link rel="stylesheet"[^>]*>/g;
const ROOT = '<div id="root"></div>';

/**
 * The page with a board's preview after the app's root (the app renders above it). Only
 * the preview's own styles are inlined in the head; the app's stylesheets move after the
 * preview: a stylesheet in the head would hold the first paint for one more round trip
 * (two seconds on "Slow 3G"), while one in the body only holds what follows it (nothing)
 * and, still, the app's scripts (they run once it has loaded, so the app never shows
 * unstyled).
 */
function previewLayout(
  html: string,
  dist: string,
  /** The page's modulepreload links, in the order they are needed. */
  head: (hints: PageHints | undefined) => string,
  /** The stylesheets of those modules (beside the app's, after the preview). */
  sheets: (hints: PageHints | undefined) => string,
): Pick<PageHtml, 'withPreview' | 'previewStyleSource'> {
  let css: string;
  try {
    css = fs
      .readFileSync(path.join(dist, 'preview.css'), 'utf8')
      .replaceAll('</style', '<\\/style');
  } catch {
    // a build without the preview's styles: no preview
    return { withPreview: () => html, previewStyleSource: null };
  }
  const links: string[] = [];
  const moved = html.replace(STYLESHEET, (link) => (links.push(link), ''));
  // A function, not a string: "$&" in a replacement string would be a pattern.
  const [before, after] = moved
    .replace('</head>', () => `<style>${css}</style></head>`)
    .split(ROOT);
  if (before === undefined || after === undefined)
    return { withPreview: () => html, previewStyleSource: null };
  // The page's Content-Security-Policy allows this one inline stylesheet by its hash.
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return {
    withPreview: (preview, hints) =>
      `${before.replace('</head>', () => `${head(hints)}</head>`)}${ROOT}${infoBlock(hints?.info)}${preview}${links.join('')}${sheets(hints)}${after}`,
    previewStyleSource: `'sha256-${hash}'`,
  };
}

/** Per kind and language, computed once (a handful of each); `plain` without hints. */
function memoHints(
  make: (hints: PageHints) => string,
  plain: string,
): (hints: PageHints | undefined) => string {
  const made = new Map<string, string>();
  return (hints) => {
    if (!hints || !(hints.kind in KIND_MODULES)) return plain;
    const key = `${hints.kind}/${hints.lang}`;
    let links = made.get(key);
    if (links === undefined) made.set(key, (links = make(hints)));
    return links;
  };
}

/**
 * index.html for one page, with `modulepreload` links for that route's code: the browser
 * fetches it alongside the entry script instead of after running it, one round trip less
 * (two seconds on a "Slow 3G" phone). Built once per page from the client build's
 * manifest, rebuilt when index.html changes (a new build).
 */
export function routeHtml(dist: string): (urlPath: string) => PageHtml | null {
  const index = path.join(dist, 'index.html');
  const build = fromBuildFile(index, () => {
    const html = fs.readFileSync(index, 'utf8');
    const pages = new Map<string, PageHtml>();
    let manifest: Manifest = {};
    try {
      manifest = JSON.parse(
        fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'),
      ) as Manifest;
    } catch {
      // no manifest (a hand-made dist): plain index.html everywhere
    }
    const entry = new Set<string>();
    chunkFiles(manifest, 'index.html', entry);
    const files = (keys: string[], skip: ReadonlySet<string>, type: '.js' | '.css'): string[] => {
      const found = new Set<string>();
      for (const key of keys) chunkFiles(manifest, key, found);
      return [...found].filter((f) => !entry.has(f) && !skip.has(f) && f.endsWith(type));
    };
    const preloads = (keys: string[], skip: ReadonlySet<string>): string[] =>
      files(keys, skip, '.js');
    // A lazily imported chunk's stylesheet is loaded, and waited for, only when the import
    // runs (Vite's preload helper), a round trip each after the script: in the page, it
    // loads beside the scripts, and the helper finds it there and does not wait again.
    const sheetsOf = (keys: string[]): string =>
      files(keys, new Set(), '.css')
        .map((f) => `<link rel="stylesheet" href="/${f}">`)
        .join('');
    const first = firstScript(manifest, (keys) => preloads(keys, new Set()));
    // The manifest is linked once the board is open (client/src/app/appUpdate.ts).
    const boardHtml = html
      .replace(FIRST_SCRIPT, (script) => first.html + script)
      .replace(MANIFEST_LINK, '');
    for (const [, file] of PAGES) {
      const own = preloads([file], new Set(first.files));
      const ownLinks = preloadLinks(own);
      // The language's strings first (the first render waits for them), then the page, then
      // the board: a phone's few connections take them in this order.
      const head = memoHints((hints) => {
        const lang = preloads([LANGUAGE_MODULE(hints.lang)], new Set(own));
        const board = preloads(KIND_MODULES[hints.kind](hints.lang), new Set([...own, ...lang]));
        return preloadLinks(lang) + ownLinks + preloadLinks(board);
      }, ownLinks);
      const ownSheets = sheetsOf([file]);
      const sheets = memoHints(
        (hints) => sheetsOf([file, ...KIND_MODULES[hints.kind](hints.lang)]),
        ownSheets,
      );
      const plain = boardHtml.replace('</head>', () => `${ownLinks}${ownSheets}</head>`);
      pages.set(file, { plain, ...previewLayout(boardHtml, dist, head, sheets) });
    }
    const none = (): string => '';
    pages.set('', { plain: html, ...previewLayout(html, dist, none, none) });
    return pages;
  });
  return (urlPath) => {
    const pages = build();
    if (!pages) return null;
    const page = PAGES.find(([pattern]) => pattern.test(urlPath))?.[1] ?? '';
    return pages.get(page) ?? null;
  };
}

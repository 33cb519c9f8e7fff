import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromBuildFile } from './build-file.ts';

/** The client's page module for each board route (client/src/app/App.tsx loads them lazily). */
const PAGES: [RegExp, string][] = [
  [/^\/b\/[^/]+\/projector\/?$/, 'src/app/pages/ProjectorPage.tsx'],
  [/^\/b\/[^/]+\/facilitate\/?$/, 'src/app/pages/FacilitatorPage.tsx'],
  [/^\/b\/[^/]+\/?$/, 'src/app/pages/ParticipantPage.tsx'],
];

interface Chunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, Chunk>;

function chunkFiles(manifest: Manifest, key: string, out: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk || out.has(chunk.file)) return;
  out.add(chunk.file);
  for (const dep of chunk.imports ?? []) chunkFiles(manifest, dep, out);
}

/** A page's HTML as built, and the same page carrying a board's preview. */
export interface PageHtml {
  plain: string;
  withPreview: (preview: string) => string;
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
  if (after === undefined) return { withPreview: () => html, previewStyleSource: null };
  // The page's Content-Security-Policy allows this one inline stylesheet by its hash.
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return {
    withPreview: (preview) => `${before}${ROOT}${preview}${links.join('')}${after}`,
    previewStyleSource: `'sha256-${hash}'`,
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
    const page = (plain: string): PageHtml => ({ plain, ...previewLayout(plain, dist) });
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
    for (const [, file] of PAGES) {
      const files = new Set<string>();
      chunkFiles(manifest, file, files);
      const links = [...files]
        .filter((f) => !entry.has(f) && f.endsWith('.js'))
        .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`);
      pages.set(
        file,
        page(links.length ? html.replace('</head>', `${links.join('')}</head>`) : html),
      );
    }
    pages.set('', page(html));
    return pages;
  });
  return (urlPath) => {
    const pages = build();
    if (!pages) return null;
    const page = PAGES.find(([pattern]) => pattern.test(urlPath))?.[1] ?? '';
    return pages.get(page) ?? null;
  };
}

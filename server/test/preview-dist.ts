import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './harness.ts';

const CLIENT = path.resolve(import.meta.dirname, '../../client');

/**
 * A hand-made client build for the board preview (SPEC R15): index.html with its entry
 * script, a stylesheet and the web app manifest in the head, and the two files the client build emits for the server (the preview's
 * strings from the real locale files, its real stylesheet).
 */
export function previewDist(dist = tempDir('twinspace-dist-')): string {
  const locales = path.join(CLIENT, 'src/i18n/locales');
  const strings: Record<string, unknown> = {};
  for (const lang of fs.readdirSync(locales)) {
    const file = path.join(locales, lang, 'preview.json');
    if (fs.existsSync(file)) strings[lang] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  fs.writeFileSync(path.join(dist, 'preview-strings.json'), JSON.stringify(strings));
  fs.copyFileSync(path.join(CLIENT, 'src/styles/preview.css'), path.join(dist, 'preview.css'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><title>Twinspace</title>' +
      '<script type="module" crossorigin src="/assets/index-1.js"></script>' +
      '<link rel="stylesheet" crossorigin href="/assets/app-1.css">' +
      '<link rel="manifest" href="/manifest.webmanifest"></head>' +
      '<body><div id="root"></div></body></html>',
  );
  return dist;
}

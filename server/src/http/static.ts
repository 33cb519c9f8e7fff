import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import express, { type Request, type Response, type NextFunction } from 'express';
import { allowInlineStyle } from './headers.ts';
import type { PreviewSource } from './preview/index.ts';
import { routeHtml } from './route-hints.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends the precompressed twin of an asset (written by the client build) when the
 * browser accepts it: phones on venue Wi-Fi get a third of the bytes, and the server
 * spends no CPU compressing on each request.
 */
function precompressed(dist: string) {
  const root = path.resolve(dist);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      // A malformed address is the client's error, not a failure of the server (500, logged).
      return void res.status(400).json({ error: 'the address is not valid percent-encoding' });
    }
    const file = path.join(root, path.normalize(decoded));
    if (!file.startsWith(root + path.sep)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = ENCODINGS.find(
      (e) => accepted.includes(e.token) && fs.existsSync(file + e.suffix),
    );
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.token);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(path.extname(file));
    res.setHeader('Cache-Control', cacheControl(req.path));
    res.sendFile(file + encoding.suffix);
  };
}

/** Hashed build assets never change under their name; everything else is revalidated. */
const cacheControl = (urlPath: string): string =>
  urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** The built client, with every unknown path answered by the SPA's index.html. */
export function serveClient(app: express.Express, dist: string, preview?: PreviewSource): void {
  app.use(precompressed(dist));
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) =>
        res.setHeader('Cache-Control', cacheControl(file.slice(dist.length))),
    }),
  );
  const pageHtml = routeHtml(dist);
  app.get('/{*path}', async (req, res) => {
    const html = pageHtml(req.path);
    if (html === null)
      return void res
        .status(503)
        .type('text')
        .send('The client is not built yet: run `npm run build` (npm start does it).');
    const board = preview ? await preview(req) : null;
    if (board === null)
      return void res.type('html').setHeader('Cache-Control', 'no-cache').send(html.plain);
    if (html.previewStyleSource) allowInlineStyle(res, html.previewStyleSource);
    await sendPreviewPage(req, res, html.withPreview(board.html, board));
  });
}

/**
 * A page with a board in it is per board, per language and per moment: never cached by a
 * shared cache, and compressed (a page with 200 topics: 43 KB, 2.6 KB with brotli).
 */
async function sendPreviewPage(req: Request, res: Response, page: string): Promise<void> {
  res.type('html');
  res.setHeader('Cache-Control', 'no-cache, private');
  res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (accepted.includes('br')) {
    res.setHeader('Content-Encoding', 'br');
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 };
    return void res.send(await brotli(page, { params }));
  }
  if (accepted.includes('gzip')) {
    res.setHeader('Content-Encoding', 'gzip');
    return void res.send(await gzip(page));
  }
  res.send(page);
}

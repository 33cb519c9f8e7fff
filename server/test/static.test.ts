import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startServer, tempDir } from './harness.ts';

describe('the built client', () => {
  it('is sent precompressed when the browser accepts it, plain otherwise, with an SPA fallback', async () => {
    const dist = tempDir('twinspace-dist-');
    const js = 'console.log("board");'.repeat(200);
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Twinspace</title>');
    fs.writeFileSync(path.join(dist, 'assets/app-1234.js'), js);
    fs.writeFileSync(path.join(dist, 'assets/app-1234.js.gz'), gzipSync(js));
    const server = await startServer({ CLIENT_DIST: dist });

    const zipped = await fetch(`${server.url}/assets/app-1234.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toMatch(/javascript/);
    expect(zipped.headers.get('cache-control')).toContain('immutable');
    expect(await zipped.text()).toBe(js); // fetch decodes it: the bytes are the same asset

    const plain = await fetch(`${server.url}/assets/app-1234.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(js);

    const route = await fetch(`${server.url}/b/ABCDEF/projector`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Twinspace</title>');
    expect((await fetch(`${server.url}/assets/../../etc/passwd`)).status).not.toBe(500);
  });

  it('answers a malformed address 400, a client error, not a 500 logged as the server’s failure', async () => {
    const dist = tempDir('twinspace-dist-');
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Twinspace</title>');
    const server = await startServer({ CLIENT_DIST: dist });
    for (const bad of ['/%E0%A4%A', '/assets/%ZZ.js', '/b/%C0/projector'])
      expect(
        (await fetch(`${server.url}${bad}`, { headers: { 'accept-encoding': 'br' } })).status,
      ).toBe(400);
  });

  it('preloads a board route’s own code with its page (one round trip less on a slow phone)', async () => {
    const dist = tempDir('twinspace-dist-');
    fs.mkdirSync(path.join(dist, '.vite'), { recursive: true });
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><head><title>Twinspace</title></head><body></body>',
    );
    const manifest = {
      'index.html': { file: 'assets/index-1.js', imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared-2.js' },
      '_socket.js': { file: 'assets/socket-3.js' },
      'src/app/pages/ParticipantPage.tsx': {
        file: 'assets/ParticipantPage-4.js',
        imports: ['_shared.js', '_socket.js'],
      },
      'src/app/pages/ProjectorPage.tsx': { file: 'assets/ProjectorPage-5.js' },
    };
    fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    const server = await startServer({ CLIENT_DIST: dist });
    const page = async (p: string): Promise<string> => (await fetch(server.url + p)).text();
    const preloads = (html: string): string[] =>
      [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]!);

    // The phone's page gets its chunk and what it imports, not what the entry already has.
    const phone = await page('/b/abcdef');
    expect(preloads(phone)).toEqual(['/assets/ParticipantPage-4.js', '/assets/socket-3.js']);
    expect(phone).toContain('<title>Twinspace</title>');
    expect(preloads(await page('/b/ABCDEF/projector'))).toEqual(['/assets/ProjectorPage-5.js']);
    // The landing page stays as built; the path itself never reaches the HTML.
    expect(preloads(await page('/'))).toEqual([]);
    expect(await page('/b/%22%3E%3Cscript%3E')).not.toContain('<script>');
  });
});

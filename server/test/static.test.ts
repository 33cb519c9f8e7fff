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
});

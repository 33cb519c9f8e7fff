import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEntity, getCards, newEntityId } from '@twinspace/shared';
import { connectClient, createBoard, eventually, startServer } from './harness.ts';
import { previewDist } from './preview-dist.ts';

// SPEC R15: a participant's page carries the board as it is, before any script runs.
const page = (url: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { headers: { 'accept-encoding': 'br, gzip', ...headers } });

const previewCards = (html: string): string[] =>
  [...html.matchAll(/data-testid="preview-card"><p class="preview__text">([^<]*)</g)].map(
    (m) => m[1]!,
  );

describe('the board in the page (R15, was R17)', () => {
  it('serves a participant the board as it is, in their language, styled from the HTML alone', async () => {
    const server = await startServer({ CLIENT_DIST: previewDist() });
    const board = await createBoard(server.url, 'open-space', 'Twin <towns>');
    const phone = await connectClient(server.url, board.code, { name: 'Olena' });
    createEntity(getCards(phone.doc), newEntityId(), phone.participantId, {
      text: 'Night <buses>',
    });

    let html = '';
    await eventually(async () => {
      const res = await page(board.participantUrl, { 'accept-language': 'de-DE,de;q=0.9' });
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('cache-control')).toBe('no-cache, private');
      expect(res.headers.get('vary')).toContain('Cookie');
      html = await res.text();
      expect(previewCards(html)).toEqual(['Night &lt;buses&gt;']);
    });
    expect(html).toContain('<h1>Twin &lt;towns&gt;</h1>');
    expect(html).toContain('von Olena');
    expect(html).toContain('lang="de"');
    // Only the preview's own styles hold the first paint; the app's sheet follows the preview.
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('.preview__card');
    expect(head).not.toContain('rel="stylesheet"');
    expect(html.indexOf('rel="stylesheet"')).toBeGreaterThan(html.indexOf('</section>'));

    // A change reaches the next page at once (renders are reused until the board changes).
    createEntity(getCards(phone.doc), newEntityId(), phone.participantId, { text: 'Trams' });
    await eventually(async () => {
      const res = await page(board.participantUrl, { 'accept-language': 'de' });
      expect(previewCards(await res.text())).toEqual(['Trams', 'Night &lt;buses&gt;']);
    });

    const chosen = await page(board.participantUrl, {
      'accept-language': 'de',
      cookie: 'twinspace_lang=uk',
    });
    expect(await chosen.text()).toContain('Зараз на дошці');
  });

  it('is only on a participant’s page of a board that exists, within the lookup budget', async () => {
    const server = await startServer({
      CLIENT_DIST: previewDist(),
      LOOKUP_FAILURES_PER_MINUTE: '5',
    });
    const board = await createBoard(server.url, 'open-space', 'Budget');
    const withPreview = async (url: string): Promise<boolean> =>
      (await (await page(url)).text()).includes('data-testid="board-preview"');

    expect(await withPreview(board.participantUrl)).toBe(true);
    expect(await withPreview(board.projectorUrl)).toBe(false);
    expect(await withPreview(board.facilitatorUrl.replace(/#.*/, ''))).toBe(false);
    expect(await withPreview(`${server.url}/b/%E0%A4%A`)).toBe(false);

    // Guessing codes through pages costs the same budget as through the board-info API.
    for (let i = 0; i < 5; i++) {
      const res = await page(`${server.url}/b/ZZZZZ${'23456789'[i % 8]}`);
      expect(res.status).toBe(200); // the app's page all the same: it says "no such board"
      expect(await res.text()).not.toContain('board-preview');
    }
    expect(await withPreview(board.participantUrl)).toBe(false);
    expect((await fetch(`${server.url}/api/boards/${board.code}`)).status).toBe(429);
  });

  it('names the board’s code for its kind and language, and carries its info as data', async () => {
    // A client build's manifest, by hand: the page, two kinds' boards, German strings.
    const dist = previewDist();
    fs.mkdirSync(path.join(dist, '.vite'), { recursive: true });
    const manifest = {
      'index.html': { file: 'assets/index-1.js' },
      'src/preconnect.ts': { file: 'assets/preconnect-9.js', imports: ['_socket.js'] },
      '_socket.js': { file: 'assets/socket-10.js' },
      'src/app/pages/ParticipantPage.tsx': {
        file: 'assets/ParticipantPage-2.js',
        imports: ['_socket.js'],
        css: ['assets/participant-11.css'],
      },
      'src/boards/open-space/OpenSpaceBoard.tsx': {
        file: 'assets/OpenSpaceBoard-3.js',
        imports: ['_cells.js'],
        css: ['assets/open-space-12.css'],
      },
      '_cells.js': { file: 'assets/cells-4.js' },
      'src/boards/match-sprint/MatchSprintBoard.tsx': { file: 'assets/MatchSprintBoard-5.js' },
      'src/i18n/locales/de/index.ts': { file: 'assets/de-6.js' },
      'src/i18n/locales/de/openSpace.json': { file: 'assets/openSpace-7.js' },
      'src/i18n/locales/en/index.ts': { file: 'assets/en-8.js' },
    };
    fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    const server = await startServer({ CLIENT_DIST: dist });
    const board = await createBoard(server.url, 'open-space', 'Twin </script><b>towns');
    const html = await (await page(board.participantUrl, { 'accept-language': 'de' })).text();
    const preloads = [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    // The socket's first script before the app's entry (async: it waits for nothing else).
    const first = html.indexOf(
      '<script type="module" async crossorigin src="/assets/preconnect-9.js">',
    );
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(html.indexOf('src="/assets/index-1.js"'));
    // Its import, then the language (the first render waits for it), the page, the board.
    expect(preloads).toEqual([
      '/assets/socket-10.js',
      '/assets/de-6.js',
      '/assets/ParticipantPage-2.js',
      '/assets/OpenSpaceBoard-3.js',
      '/assets/cells-4.js',
      '/assets/openSpace-7.js',
    ]);
    const block = /<script type="application\/json" id="twinspace-board">([^<]*)<\/script>/.exec(
      html,
    );
    expect(block).not.toBeNull();
    const info = JSON.parse(block![1]!) as Record<string, unknown>;
    expect(info).toEqual(await (await fetch(`${server.url}/api/boards/${board.code}`)).json());
    expect(info['title']).toBe('Twin </script><b>towns');
    // The page's and the board's stylesheets load beside the app's, after the preview (the
    // app's lazy import then finds them there, one round trip less).
    const sheets = [...html.matchAll(/rel="stylesheet"[^>]* href="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual([
      '/assets/app-1.css',
      '/assets/participant-11.css',
      '/assets/open-space-12.css',
    ]);
    expect(html.indexOf('/assets/participant-11.css')).toBeGreaterThan(html.indexOf('</section>'));
    // The manifest is linked once the board is open (client appUpdate.ts), not on the way.
    expect(html).not.toContain('rel="manifest"');
    const landing = await (await page(`${server.url}/`)).text();
    expect(landing).toContain('rel="manifest"');
    expect(landing).not.toContain('preconnect-9.js');
    // No page but a participant's carries it.
    const projector = await (await page(board.projectorUrl)).text();
    expect(projector).not.toContain('twinspace-board');
    expect(projector).not.toContain('OpenSpaceBoard');
  });
});

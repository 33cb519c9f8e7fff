import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, type JoinResult } from '@twinspace/shared';
import { controlSocket, createBoard, fetchExport, joinOver, startServer } from './harness.ts';
import { previewDist } from './preview-dist.ts';
import { freePort } from './redis-env.ts';

const ticketOf = (result: JoinResult): string => {
  if (result.type !== 'joined') throw new Error(`join refused: ${result.reason}`);
  return result.ticket;
};

/** A code no board has (the alphabet's first letter six times is as good as any). */
const UNKNOWN = (CODE_ALPHABET[0] ?? 'A').repeat(6);

describe('reads need a credential (docs/SECURITY.md)', () => {
  it('exports: 401 without or with a wrong credential; 404 for an unknown code', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const participant = ticketOf(
      await joinOver(socket, { code: board.code, role: 'participant', name: 'Ada' }),
    );
    const foreign = ticketOf(
      await joinOver(controlSocket(server.url), {
        code: other.code,
        role: 'participant',
        name: 'Bo',
      }),
    );
    const projector = ticketOf(
      await joinOver(controlSocket(server.url), { code: board.code, role: 'projector' }),
    );

    const refusals = [
      await fetchExport(server.url, board, 'export.md', null),
      await fetchExport(server.url, board, 'export.md', 'not-the-token'),
      await fetchExport(server.url, board, 'export.md', other.facilitatorToken),
      await fetchExport(server.url, board, 'export.md', foreign),
    ];
    const bodies = new Set<string>();
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    // An unknown (or deleted) code is 404, as GET /api/boards/:code says to anyone anyway.
    for (const file of ['export.md', 'export.zz'])
      expect((await fetchExport(server.url, { ...board, code: UNKNOWN }, file, null)).status).toBe(
        404,
      );

    const asFacilitator = await fetchExport(server.url, board, 'export.md');
    expect(asFacilitator.status).toBe(200);
    expect(asFacilitator.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(asFacilitator.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="twinspace-${board.code.toLowerCase()}-proceedings\\.md"`),
    );
    expect(asFacilitator.headers.get('cache-control')).toBe('no-store');
    const asParticipant = await fetchExport(server.url, board, 'export.csv', participant);
    expect(asParticipant.status).toBe(200);
    expect(asParticipant.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await fetchExport(server.url, board, 'export.md', projector)).status).toBe(403);
    // With a credential, an unknown format is a plain 404, a name every object has included.
    for (const format of ['zz', 'constructor', 'toString', '__proto__', 'valueOf'])
      expect((await fetchExport(server.url, board, `export.${format}`)).status).toBe(404);
  });

  it('Match & Sprint exports are the facilitator’s only', async () => {
    const server = await startServer();
    const board = await createBoard(server.url, 'match-sprint');
    const participant = ticketOf(
      await joinOver(controlSocket(server.url), {
        code: board.code,
        role: 'participant',
        name: 'Ada',
      }),
    );
    expect((await fetchExport(server.url, board, 'export.md', participant)).status).toBe(403);
    const res = await fetchExport(server.url, board, 'export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"/);
    // A byte-order mark first, so Excel reads the UTF-8 (Cyrillic names) as such.
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('the lookup budget (docs/SECURITY.md)', () => {
  it('a guesser over budget gets 429 with Retry-After for everything, known codes alike', async () => {
    const server = await startServer({
      LOOKUP_FAILURES_PER_MINUTE: '3',
      CLIENT_DIST: previewDist(),
    });
    const board = await createBoard(server.url);
    expect(
      (await fetch(`${server.url}/b/${board.code}`).then((r) => r.text())).includes(
        'board-preview',
      ),
    ).toBe(true);
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${server.url}/api/boards/${UNKNOWN}`)).status).toBe(404);

    const answers = [
      await fetch(`${server.url}/api/boards/${board.code}`),
      await fetch(`${server.url}/api/boards/${UNKNOWN}`),
      await fetchExport(server.url, board, 'export.md'),
      await fetchExport(server.url, board, 'export.zz'),
      await fetchExport(server.url, { ...board, code: UNKNOWN }, 'export.zz'),
    ];
    const bodies = new Set<string>();
    for (const res of answers) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    // The page is served, without the board in it, for a known code as for an unknown one.
    const page = await (await fetch(`${server.url}/b/${board.code}`)).text();
    expect(page).not.toContain('board-preview');
    // And the join handshake spends the same budget.
    const refused = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'participant',
      name: 'G',
    });
    expect(refused.type === 'join-refused' && refused.reason).toBe('rate-limited');
    expect(refused.type === 'join-refused' && refused.retryAfterS).toBeGreaterThan(0);
  });
});

describe('HTTP headers (docs/SECURITY.md)', () => {
  it('sends a CSP without inline scripts, nosniff, no framing and no referrer', async () => {
    const server = await startServer({ CLIENT_DIST: previewDist() });
    const board = await createBoard(server.url);
    for (const path of [
      '/',
      `/b/${board.code}/facilitate`,
      `/api/boards/${board.code}`,
      '/healthz',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/(^|;)script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The participant's page inlines the preview's stylesheet: allowed by its hash, nothing else.
    const res = await fetch(`${server.url}/b/${board.code}`);
    const html = await res.text();
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css.length).toBeGreaterThan(0);
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(res.headers.get('content-security-policy')).toMatch(
      new RegExp(`(^|;)style-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`),
    );
    // No inline script runs: the only script element without src is the board's info as
    // inert JSON data (route-hints.ts), which CSP does not govern and the browser never runs.
    const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inline).toEqual(['<script type="application/json" id="twinspace-board">']);
  });
});

describe('/metrics (docs/SECURITY.md)', () => {
  it('is off by default, behind METRICS_TOKEN, or on METRICS_PORT only', async () => {
    const closed = await startServer();
    expect((await fetch(`${closed.url}/metrics`)).status).toBe(404);

    const guarded = await startServer({ METRICS_TOKEN: 'sesame-sesame' });
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const wrong = { authorization: 'Bearer open-up' };
    expect((await fetch(`${guarded.url}/metrics`, { headers: wrong })).status).toBe(401);
    const right = { authorization: 'Bearer sesame-sesame' };
    const scrape = await fetch(`${guarded.url}/metrics`, { headers: right });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('twinspace_boards_loaded');

    const port = await freePort();
    const separate = await startServer({ METRICS_PORT: String(port) });
    expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
    const internal = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('twinspace_boards_loaded');
  });
});

import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CONNECT_ERROR_VERSION, EV, PROTOCOL_VERSION } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  startServer,
} from './harness.ts';

const post = (url: string, body: unknown, raw = false) =>
  fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });

/** A small lookup budget (LOOKUP_FAILURES_PER_MINUTE) so the tests spend it quickly. */
const BUDGET = 5;

describe('HTTP API', () => {
  it('answers /healthz', async () => {
    const server = await startServer();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('creates boards with unambiguous codes and long facilitator tokens', async () => {
    const server = await startServer();
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const board = await createBoard(
        server.url,
        i % 2 ? 'open-space' : 'match-sprint',
        `Board ${i}`,
      );
      expect(board.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
      expect(board.code).not.toMatch(/[01OIL]/);
      expect(Buffer.from(board.facilitatorToken, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(board.participantUrl).toBe(`${server.url}/b/${board.code}`);
      expect(board.projectorUrl).toBe(`${server.url}/b/${board.code}/projector`);
      expect(board.facilitatorUrl).toBe(
        `${server.url}/b/${board.code}/facilitate#key=${board.facilitatorToken}`,
      );
      codes.add(board.code);
    }
    expect(codes.size).toBe(20);
  });

  it('finds a board by code, case-insensitively, and 404s an unknown one', async () => {
    const server = await startServer();
    const board = await createBoard(server.url, 'open-space', 'Kyiv open space');
    const res = await fetch(`${server.url}/api/boards/${board.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      code: board.code,
      kind: 'open-space',
      title: 'Kyiv open space',
    });
    const missing = await fetch(`${server.url}/api/boards/ZZZZZZ`);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as unknown).toEqual({ error: expect.any(String) as unknown });
  });

  it('answers bad input with a 4xx and a clear message', async () => {
    const server = await startServer();
    for (const [body, raw] of [
      [{ kind: 'barcamp', title: 'x' }, false],
      [{ kind: 'open-space', title: '' }, false],
      [{ kind: 'open-space', title: 'x'.repeat(201) }, false],
      [{ kind: 'open-space' }, false],
      ['{not json', true],
    ] as const) {
      const res = await post(server.url, body, raw);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: string };
      expect(json.error.length).toBeGreaterThan(5);
    }
    const big = await post(server.url, {
      kind: 'open-space',
      title: 'x',
      pad: 'y'.repeat(100_000),
    });
    expect(big.status).toBe(413);
    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
  });

  it('rate-limits failed lookups by code per address, never successful ones', async () => {
    const server = await startServer({ LOOKUP_FAILURES_PER_MINUTE: String(BUDGET) });
    const board = await createBoard(server.url);
    for (let i = 0; i < BUDGET * 2; i++) {
      expect((await fetch(`${server.url}/api/boards/${board.code}`)).status).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 5; i++) {
      statuses.push((await fetch(`${server.url}/api/boards/ABCDEF`)).status);
    }
    expect(statuses.slice(0, BUDGET).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind the load balancer (TRUST_PROXY), limits each client, not the balancer', async () => {
    const server = await startServer({
      TRUST_PROXY: 'true',
      LOOKUP_FAILURES_PER_MINUTE: String(BUDGET),
    });
    const board = await createBoard(server.url);
    // nginx appends the address it saw; what a client wrote before it is not believed.
    const lookup = (code: string, client: string, spoofed = '') =>
      fetch(`${server.url}/api/boards/${code}`, {
        headers: { 'x-forwarded-for': `${spoofed}${client}` },
      });
    for (let i = 0; i < BUDGET + 1; i++) await lookup('ABCDEF', '203.0.113.7', `198.51.100.${i}, `);
    expect((await lookup(board.code, '203.0.113.7')).status).toBe(429);
    expect((await lookup(board.code, '203.0.113.8')).status).toBe(200);
    // The same for joins over Socket.IO: the guesser is locked out, a neighbour is not.
    const via = (client: string) => controlSocket(server.url, PROTOCOL_VERSION, client);
    const guesser = via('203.0.113.9');
    for (let i = 0; i < BUDGET; i++)
      await joinOver(guesser, { code: 'ABCDEF', role: 'participant', name: 'G' });
    const locked = await joinOver(guesser, { code: board.code, role: 'participant', name: 'G' });
    expect(locked.type === 'join-refused' && locked.reason).toBe('rate-limited');
    const neighbour = await joinOver(via('203.0.113.10'), {
      code: board.code,
      role: 'participant',
      name: 'N',
    });
    expect(neighbour.type).toBe('joined');
  });
});

describe('join handshake (SPEC R8-R10)', () => {
  it('refuses a client of another protocol version at connect', async () => {
    const server = await startServer();
    const socket = controlSocket(server.url, PROTOCOL_VERSION + 1);
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(err.message).toBe(CONNECT_ERROR_VERSION);
  });

  it('needs the facilitator token for the facilitator role, and a name for participants', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    expect(
      await joinOver(socket, {
        code: board.code,
        role: 'facilitator',
        name: 'F',
        facilitatorToken: 'x'.repeat(43),
      }),
    ).toMatchObject({
      type: 'join-refused',
      reason: 'bad-facilitator-token',
    });
    expect(await joinOver(socket, { code: board.code, role: 'participant' })).toMatchObject({
      reason: 'name-required',
    });
    expect(
      await joinOver(socket, { code: 'QQQQQQ', role: 'participant', name: 'A' }),
    ).toMatchObject({ reason: 'unknown-board' });
    const bad: unknown = await socket
      .timeout(5000)
      .emitWithAck(EV.join, { type: 'join', code: 5 } as never);
    expect(bad).toMatchObject({ type: 'join-refused', reason: 'bad-request' });
    const ok = await joinOver(socket, {
      code: board.code,
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    expect(ok).toMatchObject({ type: 'joined', role: 'facilitator' });
  });

  it('lets a participant rejoin as themselves with their secret, and never as someone else', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const first = await joinOver(socket, { code: board.code, role: 'participant', name: 'Olena' });
    if (first.type !== 'joined') throw new Error('join failed');
    const again = await joinOver(socket, {
      code: board.code,
      role: 'participant',
      participantId: first.participantId,
      participantSecret: first.participantSecret,
    });
    expect(again).toMatchObject({ type: 'joined', participantId: first.participantId });
    const thief = await joinOver(socket, {
      code: board.code,
      role: 'participant',
      name: 'Thief',
      participantId: first.participantId,
      participantSecret: 'w'.repeat(43),
    });
    expect(thief.type === 'joined' && thief.participantId).not.toBe(first.participantId);
  });

  it('runs facilitator commands and refuses them from participants (R9)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const phone = await connectClient(server.url, board.code, { name: 'P' });
    expect(
      await phone.socket.emitWithAck(EV.command, { type: 'set-phase', phase: 'voting' }),
    ).toMatchObject({ type: 'refused', reason: 'not-allowed' });
    expect(
      await facilitator.socket.emitWithAck(EV.command, { type: 'set-phase', phase: 'nonsense' }),
    ).toMatchObject({ type: 'refused' });
    expect(
      await facilitator.socket.emitWithAck(EV.command, { type: 'set-phase', phase: 'marketplace' }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(phone.doc.getMap('meta').get('phase')).toBe('marketplace'));
    expect(
      await phone.socket.emitWithAck(EV.command, { type: 'delete-board', confirm: true }),
    ).toMatchObject({ type: 'refused' });
  });

  it('deletes a board and everything in it, and tells everyone', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const phone = await connectClient(server.url, board.code, { name: 'P' });
    expect(
      await facilitator.socket.emitWithAck(EV.command, { type: 'delete-board', confirm: true }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(phone.notices).toContainEqual({ type: 'board-deleted' }));
    expect((await fetch(`${server.url}/api/boards/${board.code}`)).status).toBe(404);
  });

  it('aggregates presence per role and city (R19, was R14)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const phone = await connectClient(server.url, board.code, { name: 'P' });
    await connectClient(server.url, board.code, { role: 'projector' });
    const seen: unknown[] = [];
    phone.socket.on(EV.presence, (p) => seen.push(p));
    await eventually(() =>
      expect(seen.at(-1)).toMatchObject({
        online: { participant: 1, projector: 1, facilitator: 0 },
        people: [{ name: 'P' }],
      }),
    );
  });
});

import { describe, expect, it, onTestFinished } from 'vitest';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import {
  CONNECT_ERROR_SOCKETS,
  EV,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  WS_CLOSE,
  YWS_PATH,
  type CommandResult,
  type JoinResult,
} from '@twinspace/shared';
import {
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  startServer,
  type ControlSocket,
} from './harness.ts';
import { COMMANDS_PER_SOCKET, JOINS_PER_SOCKET } from '../src/realtime/budgets.ts';

const reasonOf = (result: JoinResult): string =>
  result.type === 'join-refused' ? result.reason : 'joined';

/** A Socket.IO connection with the headers a browser (or a proxy) would send. */
function socketWith(url: string, headers: Record<string, string>): ControlSocket {
  const socket: ControlSocket = io(url, {
    path: SOCKET_IO_PATH,
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: headers,
  });
  onTestFinished(() => void socket.close());
  return socket;
}

/** 'connected', or the connect error's message. */
const connected = (socket: ControlSocket): Promise<string> =>
  new Promise((resolve) => {
    if (socket.connected) return resolve('connected');
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });

/** Opens the Yjs socket; resolves 'open', the close code, or the refused upgrade's status. */
function yjsSocket(
  url: string,
  code: string,
  ticket: string,
  headers: Record<string, string> = {},
): { ws: WebSocket; outcome: Promise<string> } {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${YWS_PATH}/${code}?ticket=${ticket}`, {
    headers,
  });
  onTestFinished(() => ws.terminate());
  const outcome = new Promise<string>((resolve) => {
    ws.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode ?? 0}`));
    ws.once('close', (closeCode) => resolve(`close ${closeCode}`));
    ws.once('error', () => undefined);
    // Open and not closed at once: the server accepted it (a refusal closes right away).
    ws.once('open', () => ws.once('message', () => resolve('open')));
  });
  return { ws, outcome };
}

/** A participant joined once on a control connection, and what a rejoin of theirs sends. */
async function joinedOnce() {
  const server = await startServer();
  const board = await createBoard(server.url);
  const socket = controlSocket(server.url);
  const first = await joinOver(socket, { code: board.code, role: 'participant', name: 'M' });
  if (first.type !== 'joined') throw new Error(first.reason);
  const again = { participantId: first.participantId, participantSecret: first.participantSecret };
  return { server, board, socket, again };
}

describe('limits (docs/SECURITY.md "Budgets and limits")', () => {
  it('boards per address and hour: 429 too-many-boards with Retry-After', async () => {
    const server = await startServer({ BOARDS_PER_ADDRESS_PER_HOUR: '2' });
    await createBoard(server.url);
    await createBoard(server.url);
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'open-space', title: 'one too many' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ reason: 'too-many-boards' });
  });

  it('new participants per board and address: too-many-joins; rejoins and neighbours pass', async () => {
    const server = await startServer({
      JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR: '2',
      TRUST_PROXY: '1',
    });
    const board = await createBoard(server.url);
    const from = (address: string) => controlSocket(server.url, PROTOCOL_VERSION, address);
    const first = await joinOver(from('203.0.113.5'), {
      code: board.code,
      role: 'participant',
      name: 'A',
    });
    expect(reasonOf(first)).toBe('joined');
    expect(
      reasonOf(
        await joinOver(from('203.0.113.5'), { code: board.code, role: 'participant', name: 'B' }),
      ),
    ).toBe('joined');
    const third = await joinOver(from('203.0.113.5'), {
      code: board.code,
      role: 'participant',
      name: 'C',
    });
    expect(reasonOf(third)).toBe('too-many-joins');
    expect(third.type === 'join-refused' && third.retryAfterS).toBeGreaterThan(0);
    // The same person coming back (a new ticket) is not a new participant.
    if (first.type !== 'joined') throw new Error('unreachable');
    const again = await joinOver(from('203.0.113.5'), {
      code: board.code,
      role: 'participant',
      participantId: first.participantId,
      participantSecret: first.participantSecret,
    });
    expect(reasonOf(again)).toBe('joined');
    expect(
      reasonOf(
        await joinOver(from('203.0.113.6'), { code: board.code, role: 'participant', name: 'D' }),
      ),
    ).toBe('joined');
    // Another board from the same address has its own count.
    const other = await createBoard(server.url);
    expect(
      reasonOf(
        await joinOver(from('203.0.113.5'), { code: other.code, role: 'participant', name: 'E' }),
      ),
    ).toBe('joined');
  });

  it('participants per board: board-full; the facilitator still gets in', async () => {
    const server = await startServer({ PARTICIPANTS_PER_BOARD: '2' });
    const board = await createBoard(server.url);
    for (const name of ['A', 'B'])
      expect(
        reasonOf(
          await joinOver(controlSocket(server.url), {
            code: board.code,
            role: 'participant',
            name,
          }),
        ),
      ).toBe('joined');
    expect(
      reasonOf(
        await joinOver(controlSocket(server.url), {
          code: board.code,
          role: 'participant',
          name: 'C',
        }),
      ),
    ).toBe('board-full');
    const facilitator = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    expect(reasonOf(facilitator)).toBe('joined');
  });

  it('a loop of rejoins on one connection gets the whole board a few times a minute only', async () => {
    const { server, board, socket, again } = await joinedOnce();
    const answers: JoinResult[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        await joinOver(socket, {
          code: board.code,
          role: 'participant',
          withState: true,
          ...again,
        }),
      );
    expect(answers.map(reasonOf)).toEqual(Array(6).fill('joined'));
    // The first join asked for no state: three of the six rejoins carry it, the rest not.
    expect(answers.map((a) => a.type === 'joined' && a.state !== undefined)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    // Another connection (another device) gets it.
    const other = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'participant',
      withState: true,
      ...again,
    });
    expect(other.type === 'joined' && other.state !== undefined).toBe(true);
  });

  it('joins per connection: a burst, then rate-limited; another connection is not held', async () => {
    const { server, board, socket, again } = await joinedOnce();
    const answers = await Promise.all(
      Array.from({ length: JOINS_PER_SOCKET.burst + 10 }, () =>
        joinOver(socket, { code: board.code, role: 'participant', ...again }),
      ),
    );
    const reasons = answers.map(reasonOf);
    expect(reasons.filter((r) => r === 'joined').length).toBeLessThan(JOINS_PER_SOCKET.burst + 2);
    expect(reasons.filter((r) => r !== 'joined').every((r) => r === 'rate-limited')).toBe(true);
    expect(answers.find((a) => a.type === 'join-refused')).toMatchObject({ retryAfterS: 2 });
    const other = controlSocket(server.url);
    expect(
      reasonOf(await joinOver(other, { code: board.code, role: 'participant', ...again })),
    ).toBe('joined');
  });

  it('commands per connection: a burst, then limit-reached; another connection is not held', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    expect(
      reasonOf(await joinOver(socket, { code: board.code, role: 'participant', name: 'M' })),
    ).toBe('joined');
    const mine = (): Promise<CommandResult> =>
      socket.timeout(10_000).emitWithAck(EV.command, { type: 'poll-mine' });
    const answers = await Promise.all(
      Array.from({ length: COMMANDS_PER_SOCKET.burst + 100 }, mine),
    );
    const refused = answers.filter((a) => a.type === 'refused');
    expect(answers.filter((a) => a.type === 'ok').length).toBeGreaterThanOrEqual(
      COMMANDS_PER_SOCKET.burst,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.type === 'refused' && a.reason === 'limit-reached')).toBe(true);
    const other = controlSocket(server.url);
    expect(
      reasonOf(await joinOver(other, { code: board.code, role: 'participant', name: 'N' })),
    ).toBe('joined');
    expect(
      await other.timeout(10_000).emitWithAck(EV.command, { type: 'poll-mine' }),
    ).toMatchObject({ type: 'ok' });
  });

  it('Socket.IO sockets per address: too-many-sockets, free again once one closes', async () => {
    const server = await startServer({ SOCKETS_PER_ADDRESS: '2' });
    const one = controlSocket(server.url);
    const two = controlSocket(server.url);
    expect(await connected(one)).toBe('connected');
    expect(await connected(two)).toBe('connected');
    expect(await connected(controlSocket(server.url))).toBe(CONNECT_ERROR_SOCKETS);
    one.close();
    await eventually(async () =>
      expect(await connected(controlSocket(server.url))).toBe('connected'),
    );
  });

  it('Engine.IO connections that never join a namespace stop at twice the limit', async () => {
    const server = await startServer({ SOCKETS_PER_ADDRESS: '1' });
    const raw = () => {
      const ws = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}${SOCKET_IO_PATH}/?EIO=4&transport=websocket`,
      );
      onTestFinished(() => ws.terminate());
      // The server's open packet ("0{...}") arrives, then either nothing (kept) or a close.
      return new Promise<WebSocket>((resolve) => ws.once('message', () => resolve(ws)));
    };
    const kept = [await raw(), await raw()];
    const third = await raw();
    await eventually(() => expect(third.readyState).toBe(WebSocket.CLOSED));
    for (const ws of kept) expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('Yjs sockets per address: closed with 4429, free again once one closes', async () => {
    const server = await startServer({ SOCKETS_PER_ADDRESS: '2' });
    const board = await createBoard(server.url);
    const joined = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'projector',
    });
    if (joined.type !== 'joined') throw new Error('join refused');
    const one = yjsSocket(server.url, board.code, joined.ticket);
    expect(await one.outcome).toBe('open');
    expect(await yjsSocket(server.url, board.code, joined.ticket).outcome).toBe('open');
    expect(await yjsSocket(server.url, board.code, joined.ticket).outcome).toBe(
      `close ${WS_CLOSE.tooManySockets}`,
    );
    one.ws.close();
    await eventually(async () =>
      expect(await yjsSocket(server.url, board.code, joined.ticket).outcome).toBe('open'),
    );
  });
});

describe('origins (docs/SECURITY.md "HTTP and origins")', () => {
  it('Socket.IO and the Yjs socket refuse a foreign Origin, take their own and ALLOWED_ORIGINS', async () => {
    const server = await startServer({ ALLOWED_ORIGINS: 'https://partner.example' });
    const board = await createBoard(server.url);
    const own = { origin: server.url };
    const evil = { origin: 'https://evil.example' };
    expect(await connected(socketWith(server.url, evil))).not.toBe('connected');
    expect(await connected(socketWith(server.url, { origin: 'null' }))).not.toBe('connected');
    const mine = socketWith(server.url, own);
    expect(await connected(mine)).toBe('connected');
    expect(await connected(socketWith(server.url, { origin: 'https://partner.example' }))).toBe(
      'connected',
    );
    const joined = await joinOver(mine, { code: board.code, role: 'projector' });
    if (joined.type !== 'joined') throw new Error('join refused');
    expect(await yjsSocket(server.url, board.code, joined.ticket, evil).outcome).toBe('http 403');
    expect(await yjsSocket(server.url, board.code, joined.ticket, own).outcome).toBe('open');
    // No Origin at all: not a browser (this test's clients): allowed, still needs a ticket.
    expect(await yjsSocket(server.url, board.code, joined.ticket).outcome).toBe('open');
    expect(await yjsSocket(server.url, board.code, 'forged').outcome).toBe(
      `close ${WS_CLOSE.badTicket}`,
    );
  });

  it('with PUBLIC_URL, only that origin (and ALLOWED_ORIGINS), not the Host it was reached by', async () => {
    const server = await startServer({ PUBLIC_URL: 'https://twin.example' });
    expect(await connected(socketWith(server.url, { origin: server.url }))).not.toBe('connected');
    expect(await connected(socketWith(server.url, { origin: 'https://twin.example' }))).toBe(
      'connected',
    );
  });
});

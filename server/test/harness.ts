import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { onTestFinished, expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  EV,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  YWS_PATH,
  type ClientToServerEvents,
  type CreateBoardResponse,
  type JoinRequest,
  type JoinResult,
  type Notice,
  type Role,
  type ServerToClientEvents,
} from '@twinspace/shared';
import { startApp, type RunningApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';

// y-websocket's provider adds a process 'exit' handler per instance under Node (removed on
// destroy); a test with a dozen live clients is not a leak.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

export const tempDir = (prefix = 'twinspace-test-'): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A real server on port 0 with its own data directory; stopped when the test ends. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({
    DATA_DIR: env.DATA_DIR ?? tempDir(),
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const app = await startApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  onTestFinished(() => app.close());
  return app;
}

export async function createBoard(
  url: string,
  kind: 'open-space' | 'match-sprint' = 'open-space',
  title = 'Test board',
): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind, title }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateBoardResponse;
}

/** A real server (startServer) with one new board on it; both go when the test ends. */
export async function startBoard(
  kind: 'open-space' | 'match-sprint' = 'open-space',
  title?: string,
): Promise<{ server: RunningApp; board: CreateBoardResponse }> {
  const server = await startServer();
  return { server, board: await createBoard(server.url, kind, title) };
}

/**
 * Downloads an export (`file`: `export.md?lang=en`...) as the facilitator would: exports need
 * `Authorization: Bearer` with the facilitator's token or a participant's join ticket.
 */
export const fetchExport = (
  url: string,
  board: { code: string; facilitatorToken: string },
  file: string,
  credential: string | null = board.facilitatorToken,
): Promise<Response> =>
  fetch(`${url}/api/boards/${board.code}/${file}`, {
    headers: credential === null ? {} : { authorization: `Bearer ${credential}` },
  });

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `forwardedFor`: as if behind the load balancer, which sends X-Forwarded-For. */
export function controlSocket(
  url: string,
  protocolVersion = PROTOCOL_VERSION,
  forwardedFor?: string,
): ControlSocket {
  const socket: ControlSocket = io(url, {
    path: SOCKET_IO_PATH,
    auth: { protocolVersion },
    transports: ['websocket'],
    reconnection: false,
    ...(forwardedFor ? { extraHeaders: { 'x-forwarded-for': forwardedFor } } : {}),
  });
  onTestFinished(() => void socket.close());
  return socket;
}

export const joinOver = (
  socket: ControlSocket,
  req: Omit<JoinRequest, 'type' | 'protocolVersion'>,
): Promise<JoinResult> =>
  socket
    .timeout(10_000)
    .emitWithAck(EV.join, { type: 'join', protocolVersion: PROTOCOL_VERSION, ...req });

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  socket: ControlSocket;
  participantId: string;
  notices: Notice[];
  synced(): Promise<void>;
  close(): void;
}

/** A real client: Socket.IO join, then y-websocket's provider with the ticket. */
export async function connectClient(
  url: string,
  code: string,
  opts: { role?: Role; name?: string; facilitatorToken?: string; doc?: Y.Doc; city?: string } = {},
): Promise<TestClient> {
  const role = opts.role ?? 'participant';
  const socket = controlSocket(url);
  const notices: Notice[] = [];
  socket.on(EV.notice, (n) => notices.push(n));
  const result = await joinOver(socket, {
    code,
    role,
    ...(role === 'projector' ? {} : { name: opts.name ?? 'Tester' }),
    ...(opts.facilitatorToken ? { facilitatorToken: opts.facilitatorToken } : {}),
    ...(opts.city ? { city: opts.city } : {}),
  });
  if (result.type !== 'joined') throw new Error(`join refused: ${result.reason}`);
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + YWS_PATH, code, doc, {
    params: { ticket: result.ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const client: TestClient = {
    doc,
    provider,
    socket,
    participantId: result.participantId,
    notices,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => provider.once('sync', (s: boolean) => s && resolve())),
    close: () => {
      provider.destroy();
      socket.close();
    },
  };
  onTestFinished(() => client.close());
  await client.synced();
  return client;
}

/** Retries an assertion until it passes (no fixed sleeps): Hocuspocus-style. */
export async function eventually(
  assertion: () => void | Promise<void>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await pause(delay); // a poll interval between retries, not a wait for an outcome
      delay = Math.min(delay * 2, 100);
    }
  }
}

/** A raw y-protocols socket, for crafted frames no well-behaved client would send. */
export async function rawSocket(url: string, code: string, ticket: string): Promise<WebSocket> {
  const ws = new WebSocket(
    `${url.replace(/^http/, 'ws')}${YWS_PATH}/${code}?ticket=${encodeURIComponent(ticket)}`,
  );
  onTestFinished(() => ws.terminate());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

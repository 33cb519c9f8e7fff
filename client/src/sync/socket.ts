import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '@twinspace/shared/protocol';
import { TIMING } from '@twinspace/shared/timing';

/** The control channel: join, commands, presence and notices (the document goes over /yjs). */
export type TwinSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let early: TwinSocket | null = null;

/** The last connect error of each socket: a preconnected one may be refused before it is adopted. */
const refusals = new WeakMap<TwinSocket, string>();

/** Why the server refused this socket's connection (a typed connect error), if it did. */
export const refusalOf = (socket: TwinSocket): string | undefined => refusals.get(socket);

/**
 * Opens the control socket as soon as a board route's entry script runs, in parallel with
 * the route's code and strings: on a 2 s round trip the handshake is done by the time the
 * page has rendered. The board session adopts it (createSocket).
 */
export function preconnect(): void {
  early ??= openSocket();
}

/** The socket preconnect() opened, or a new one. */
export function createSocket(): TwinSocket {
  const socket = early ?? openSocket();
  early = null;
  return socket;
}

function openSocket(): TwinSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  const socket: TwinSocket = io(window.location.origin, {
    path: SOCKET_IO_PATH,
    auth,
    // WebSocket first: venue Wi-Fi is slow, and an HTTP long-polling upgrade costs round trips.
    transports: ['websocket', 'polling'],
    autoConnect: true,
    timeout: TIMING.socketConnectTimeoutMs,
  });
  socket.on('connect_error', (error) => refusals.set(socket, error.message));
  socket.on('connect', () => refusals.delete(socket));
  return socket;
}

/** Base URL of the Yjs endpoint on this origin (ws: or wss: to match the page). */
export function wsBase(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}`;
}

import { io, type Socket } from 'socket.io-client';
import {
  EV,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type ClientToServerEvents,
  type Role,
  type ServerToClientEvents,
} from '@twinspace/shared';
import type { Tally } from './tally.ts';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Joined {
  socket: ControlSocket;
  ticket: string;
  participantId: string;
}

/**
 * Twinspace's own join, as the app does it: one Socket.IO connection per client (kept
 * open: it carries presence and notices), which returns the ticket for the Yjs socket.
 * Its inbound bytes are counted too, so Twinspace pays for both of its sockets.
 */
export async function joinTwinspace(
  url: string,
  code: string,
  name: string,
  tally: Tally,
  facilitatorToken?: string,
): Promise<Joined> {
  const socket: ControlSocket = io(url, {
    path: SOCKET_IO_PATH,
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    timeout: 60_000,
  });
  socket.io.on('open', () => {
    socket.io.engine.on('data', (data: unknown) => {
      if (tally.measuring) tally.bytes += typeof data === 'string' ? Buffer.byteLength(data) : 0;
    });
  });
  const role: Role = facilitatorToken ? 'facilitator' : 'participant';
  const result = await socket.timeout(60_000).emitWithAck(EV.join, {
    type: 'join',
    protocolVersion: PROTOCOL_VERSION,
    code,
    role,
    name,
    ...(facilitatorToken ? { facilitatorToken } : {}),
  });
  if (result.type !== 'joined') {
    socket.close();
    throw new Error(`join refused: ${result.reason} ${result.message}`);
  }
  return { socket, ticket: result.ticket, participantId: result.participantId };
}

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  MAX_FRAME_BYTES,
  normalizeCode,
  WS_CLOSE,
  YWS_PATH,
  type TicketClaims,
} from '@twinspace/shared';
import type { Limits } from '../auth/limits.ts';
import type { TicketSigner } from '../auth/tokens.ts';
import { clientAddress, limitKey } from '../http/address.ts';
import { originAllowed, type OriginPolicy } from '../http/origin.ts';
import type { Logger } from '../log.ts';
import { UnknownBoardError, type RoomRegistry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { Peer } from '../rooms/types.ts';
import type { Store } from '../store/types.ts';
import type { LinkSockets } from '../team/linkSockets.ts';
import { EarlyFrames } from './earlyFrames.ts';
import { sendBinary } from './wireFrame.ts';

/** A peer that cannot keep up is dropped (it resyncs on reconnect) rather than buffered forever. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data)
    ? new Uint8Array(Buffer.concat(data))
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data;

/** A malformed escape (`/yjs/%E0`) is an unknown board, not an exception in 'upgrade'. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

/**
 * The y-protocols endpoint, compatible with y-websocket's WebsocketProvider:
 * `ws://host/yjs/<CODE>?ticket=<ticket>`. A thin adapter: it checks the ticket,
 * turns the socket into a Peer and hands frames to the room.
 */
export interface YwsDeps {
  registry: RoomRegistry;
  /** Tickets of a participant whose record is gone (they deleted their data) open nothing. */
  store: Pick<Store, 'getParticipant' | 'getBoard'>;
  tickets: TicketSigner;
  log: Logger;
  limits: Limits;
  origins: OriginPolicy;
  proxyHops: number;
  /** Facilitator links' sockets, closed when their link is revoked (docs/team.md). */
  links?: LinkSockets;
  /** Whether a valid ticket still admits (its facilitator link was not revoked since). */
  admit?: (code: string, claims: TicketClaims) => Promise<boolean>;
}

/** Refuses an upgrade before it happens (a browser sees a failed connection). */
function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachYws(http: HttpServer, deps: YwsDeps): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${YWS_PATH}/`)) return; // Socket.IO answers its own path
    const code = safeDecode(url.pathname.slice(YWS_PATH.length + 1));
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!originAllowed(req.headers.origin, req.headers.host, deps.origins))
      return refuseUpgrade(socket, '403 Forbidden');
    const address = limitKey(
      clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.proxyHops),
    );
    // Only the code, ticket and address outlive the upgrade: the request and URL are not kept.
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Counted once upgraded (a handshake ws refuses never calls back, so never releases).
      const release = deps.limits.openSocket('yjs', address);
      if (!release) return ws.close(WS_CLOSE.tooManySockets, 'too many connections from here');
      ws.once('close', release);
      onConnection(ws, code, ticket, deps);
    });
  });
  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      const alive = ws as WebSocket & { alive?: boolean };
      if (alive.alive === false) ws.terminate();
      else {
        alive.alive = false;
        ws.ping();
      }
    }
  }, PING_INTERVAL_MS);
  ping.unref();
  wss.on('close', () => clearInterval(ping));
  return wss;
}

function onConnection(ws: WebSocket, rawCode: string, rawTicket: string, deps: YwsDeps): void {
  const code = normalizeCode(rawCode);
  const claims = deps.tickets.verify(rawTicket);
  if (!code || !claims || claims.board !== code) {
    ws.close(WS_CLOSE.badTicket, 'invalid or expired ticket');
    return;
  }
  const peer: Peer = {
    id: randomUUID(),
    actor: {
      role: claims.role,
      participantId: claims.participantId,
      ...(typeof claims.city === 'string' ? { city: claims.city } : {}),
      ...(claims.team === undefined ? {} : { team: claims.team }),
    },
    send(frame) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) ws.terminate();
      else sendBinary(ws, frame);
    },
    close(closeCode, reason) {
      ws.close(closeCode, reason);
    },
  };
  let room: Room | null = null;
  let closed = false;
  const forget = claims.link
    ? deps.links?.add(code, claims.link, () =>
        ws.close(WS_CLOSE.linkRevoked, 'facilitator link revoked'),
      )
    : undefined;
  const early = new EarlyFrames();
  (ws as WebSocket & { alive?: boolean }).alive = true;
  ws.on('pong', () => ((ws as WebSocket & { alive?: boolean }).alive = true));
  ws.on('message', (data) => {
    const bytes = toBytes(data);
    if (room) room.handleFrame(peer, bytes);
    else if (!early.push(bytes)) ws.close(1008, 'too many frames before sync');
  });
  ws.on('error', (error) => deps.log.debug({ code, error: String(error) }, 'websocket error'));
  ws.on('close', () => {
    closed = true;
    forget?.();
    if (room) deps.registry.detach(room, peer);
  });
  // A revoked facilitator link's ticket opens nothing (docs/team.md).
  const attach = (): void =>
    void (deps.admit ? deps.admit(code, claims) : Promise.resolve(true))
      .then((ok) => {
        if (ok) return deps.registry.attach(code, peer);
        ws.close(WS_CLOSE.linkRevoked, 'facilitator link revoked');
        return null;
      })
      .then(
        (attached) => {
          if (!attached) return;
          room = attached;
          if (closed) return deps.registry.detach(attached, peer);
          for (const bytes of early.take()) attached.handleFrame(peer, bytes);
        },
        (error: unknown) => {
          if (error instanceof UnknownBoardError) ws.close(WS_CLOSE.unknownBoard, 'unknown board');
          else {
            deps.log.error({ code, error }, 'could not load board');
            ws.close(1011, 'could not load board');
          }
        },
      );
  void whoIsGone(deps, code, claims).then((gone) => {
    if (gone === null) return attach();
    ws.close(
      gone === 'board' ? WS_CLOSE.unknownBoard : WS_CLOSE.participantErased,
      gone === 'board' ? 'unknown board' : 'this participant deleted their data',
    );
  });
}

/**
 * A ticket lives a few minutes: one issued to a participant who has since deleted their
 * data (rooms/erasure.ts) must not open the board again. Their record is the proof (one
 * store read per connection); projectors have none.
 */
async function whoIsGone(
  deps: YwsDeps,
  code: string,
  claims: { role: string; participantId: string },
): Promise<'board' | 'participant' | null> {
  if (claims.role === 'projector') return null;
  try {
    if (await deps.store.getParticipant(code, claims.participantId)) return null;
    return (await deps.store.getBoard(code)) ? 'participant' : 'board';
  } catch {
    return null; // the room's load reports a failing store on its own
  }
}

import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

/**
 * One edit goes to every peer of a room as the same bytes. `ws.send` would build a frame
 * header, an options object and a two-buffer `writev` for each of them; at 500 peers that
 * per-recipient work (and the garbage it leaves for a 1 MB young generation) is most of
 * what the server spends besides the socket writes themselves (docs/performance.md, "Frames
 * built once"). So a broadcast frame is built once, header and payload in one buffer, and
 * written to each peer's TCP socket as it is.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  // RFC 6455 section 5.2: FIN + binary opcode; a server's frames are never masked.
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerBytes);
  return frame;
}

/**
 * The room hands the same Uint8Array to every peer in turn, within one synchronous loop, so
 * one remembered pair is enough to build each frame once per broadcast; it is forgotten
 * when the loop's task ends, so a large frame (a whole board's sync) is not kept alive.
 */
let lastPayload: Uint8Array | null = null;
let lastFrame: Buffer | null = null;

function forget(): void {
  lastPayload = null;
  lastFrame = null;
}

function frameOnce(payload: Uint8Array): Buffer {
  if (payload !== lastPayload || !lastFrame) {
    lastFrame = binaryFrame(payload);
    lastPayload = payload;
    queueMicrotask(forget);
  }
  return lastFrame;
}

/**
 * Writes a binary message to an open socket. The prepared frame goes straight to the TCP
 * socket that ws owns (`_socket`, ws 8.23 pinned): safe because this server never
 * compresses (perMessageDeflate is off) and never sends Blobs or fragments, so ws's sender
 * never holds frames back and our bytes cannot overtake or split one of its own. Anything
 * else (no socket yet, a closing one) takes ws's own path.
 */
export function sendBinary(ws: WebSocket, payload: Uint8Array): void {
  const socket = (ws as unknown as { _socket?: Duplex | null })._socket;
  if (ws.readyState === WebSocket.OPEN && socket && socket.writable) {
    socket.write(frameOnce(payload));
  } else {
    ws.send(payload);
  }
}

/**
 * Every benchmark edit carries a marker string: `~bm:<sender>:<seq>:<sentAtMs>~`.
 * Yjs encodes a map value (ContentAny) and an awareness state (JSON) as plain UTF-8,
 * so a receiver finds markers by scanning the raw frame: no Y.Doc, no decoding. That is
 * what keeps 500 light clients cheap, and it treats every server's frames alike.
 */
export interface Marker {
  sender: string;
  seq: number;
  sentAt: number;
}

const OPEN = Buffer.from('~bm:');
const CLOSE = 0x7e; // '~'

/** A wall-clock time with sub-millisecond resolution, comparable across processes. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export const makeMarker = (sender: string, seq: number, sentAt = nowMs()): string =>
  `~bm:${sender}:${seq}:${sentAt.toFixed(3)}~`;

export function scanMarkers(bytes: Uint8Array, found: (m: Marker) => void): void {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buf.indexOf(OPEN);
  while (at !== -1) {
    const end = buf.indexOf(CLOSE, at + OPEN.length);
    if (end === -1) return;
    const [sender, seq, sentAt] = buf.toString('latin1', at + OPEN.length, end).split(':');
    if (sender !== undefined && seq !== undefined && sentAt !== undefined) {
      found({ sender, seq: Number(seq), sentAt: Number(sentAt) });
    }
    at = buf.indexOf(OPEN, end + 1);
  }
}

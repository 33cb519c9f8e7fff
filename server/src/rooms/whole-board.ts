import * as Y from 'yjs';
import { step2FrameOf, syncStep2Frame } from './frames.ts';

/** y-protocols encodes an empty state vector as a single varuint 0 (no clients). */
const isEmptyStateVector = (sv: Uint8Array): boolean => sv.length === 1 && sv[0] === 0;

/**
 * The whole board, encoded once and reused until the document changes: a join storm of
 * 300 phones encodes a 200-topic board once, not 300 times, whether it asks over the Yjs
 * socket (sync step 1 with an empty state vector) or in the join handshake.
 */
export class WholeBoard {
  private update: Uint8Array | null = null;
  private frame: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', () => {
      this.update = null;
      this.frame = null;
    });
  }

  /** The document as one Yjs update. */
  asUpdate(): Uint8Array {
    this.update ??= Y.encodeStateAsUpdate(this.doc);
    return this.update;
  }

  /** The reply to a sync step 1: only what that client lacks. */
  replyTo(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return syncStep2Frame(this.doc, stateVector);
    // The same bytes as asUpdate(): a join's state and a fresh socket's share one encoding.
    this.frame ??= step2FrameOf(this.asUpdate());
    return this.frame;
  }
}

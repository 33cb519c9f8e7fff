import * as Y from 'yjs';

/** Origin of changes the staging copy makes or has already made (never echoed back). */
const STAGED = Symbol('staged');

/**
 * A second Y.Doc kept in step with the board's document (SPEC R16). A client's update is
 * integrated here first, by Yjs itself, so that what it would do to the board is read from
 * the result, not guessed from its bytes: whatever struct or trick an update uses, its
 * effect is the one Yjs produces. Accepted updates then go to the real document; a refused
 * or broken one throws the copy away and a fresh one is made from the real document.
 */
export class StagingCopy {
  private copy: Y.Doc;
  /** True while the real document integrates an update this copy already holds. */
  private absorbing = false;
  private readonly follow = (update: Uint8Array): void => {
    if (!this.absorbing) Y.applyUpdate(this.copy, update, STAGED);
  };

  constructor(
    private readonly doc: Y.Doc,
    /** Root names the board reads as maps (so the copy's roots have the same types). */
    private readonly roots: readonly string[],
  ) {
    this.copy = this.fresh();
    doc.on('update', this.follow);
  }

  private fresh(): Y.Doc {
    const copy = new Y.Doc({ gc: this.doc.gc });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc), STAGED);
    for (const name of this.roots) copy.getMap(name);
    return copy;
  }

  /**
   * Integrates `update` into the copy and hands Yjs's own transaction (what changed, what
   * was deleted, the state before) to `judge` before any observer or GC runs. Returns
   * 'pending' when Yjs could not integrate all of it (missing dependencies). A throw from
   * Yjs or from `judge` discards the copy's change and is rethrown.
   */
  stage<T>(update: Uint8Array, judge: (tr: Y.Transaction, copy: Y.Doc) => T): T | 'pending' {
    let result: T | 'pending' = 'pending';
    try {
      this.copy.transact((tr) => {
        Y.applyUpdate(this.copy, update, STAGED);
        const { pendingStructs, pendingDs } = this.copy.store;
        if (pendingStructs === null && pendingDs === null) result = judge(tr, this.copy);
      }, STAGED);
    } catch (error) {
      this.discard();
      throw error;
    }
    if (result === 'pending') this.discard();
    return result;
  }

  /** The staged update was refused: rebuild the copy from the real document. */
  discard(): void {
    this.copy.destroy();
    this.copy = this.fresh();
  }

  /**
   * The staged update was accepted: the real document integrates it (the copy has it).
   * `origin` is the transaction's origin on the real document (the room passes the peer).
   */
  absorb(update: Uint8Array, origin?: unknown): void {
    this.absorbing = true;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.absorbing = false;
    }
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.copy.destroy();
  }
}

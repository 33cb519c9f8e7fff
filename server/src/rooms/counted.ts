import type { Arbiter } from './arbiter.ts';
import type { ClientArrival } from './arrivals.ts';
import type { FrameRoom } from './peerFrames.ts';
import type { Peer } from './types.ts';

/** What of its room CountedUpdates reaches (the room hands it in). */
export type CountedRoom = Pick<FrameRoom, 'addUpdate' | 'enqueue' | 'hasPeer' | 'removePeer'>;

/** Close code when the board's mutex could not be had: "try again later" (the client resends). */
const TRY_AGAIN_LATER = 1013;

/** A peer's updates sent to the mutex, how many of them were judged, who waits for them. */
interface Held {
  deferred: number;
  judged: number;
  waiting: { after: number; run: () => void }[];
}

/**
 * Scale-out only (SPEC R41): client updates whose verdict rests on a per-owner count (a
 * part's `maxPerOwner` or `oncePerOwner`, a participant's clientIDs: `Inspection.counted`)
 * are judged again under the board's cross-process mutex, on the document caught up with
 * the log head, in the same hold and batches as the commands' decisions (Arbiter).
 *
 * Why: each process counts on its own copy of the board, which hears of the other
 * processes' updates only through the log, a few milliseconds later. One person with a
 * socket on each of two processes had both halves of an over-limit pair accepted (two
 * dots on one project, twice the dot budget, twice MAX_CLIENT_IDS). Only updates that
 * raise such a count take this path, one process at a time, so each sees every earlier
 * one: an update that counts nothing cannot raise a count (a deletion the mutex did not
 * wait for can only make a count look higher, never lower). Everything else (typing,
 * dragging a card, editing a field, deleting) keeps the fast path, which takes no lock;
 * the counted ones are rare (a new entity in a limited part, a dot moved, a connection's
 * first edit) and pay a few Redis round trips and one more staging of the update. A
 * shared counter in Redis would be exact only for creates (a dot moved to another
 * project, an entity deleted, an update refused after its count was taken all need
 * undoing) and would say again what the document already says.
 *
 * The peer's later frames keep their order behind a deferred update: its later updates
 * are deferred too (they may build on it), and the answer to its sync step 1 waits until
 * what it sent before is judged (a client takes that answer as the verdict, R21).
 */
export class CountedUpdates {
  private readonly held = new Map<Peer, Held>();

  constructor(
    private readonly arbiter: Arbiter,
    private readonly room: CountedRoom,
  ) {}

  /** Whether updates of this peer wait for the mutex (its later ones then wait behind). */
  holds(peer: Peer): boolean {
    return this.held.has(peer);
  }

  /** `a` will be judged under the board's mutex, after the peer's updates deferred before. */
  defer(a: ClientArrival): void {
    const held = this.held.get(a.peer) ?? { deferred: 0, judged: 0, waiting: [] };
    this.held.set(a.peer, held);
    held.deferred++;
    let added = false;
    const judgeInHold = (): Promise<void> =>
      new Promise((resolve) => {
        added = true;
        // Into the room's batch of this hold: judged there, never deferred again.
        const done = (): void => resolve();
        this.room.addUpdate({ peer: a.peer, update: a.update, started: a.started, done });
      });
    this.arbiter.runTask(judgeInHold).catch(() => {
      if (!added) this.lost(a.peer);
    });
  }

  /**
   * The hold was not had (Redis away, the log out of reach) and nothing of the update was
   * applied: the connection is closed, and the client reconnects and resends its edits.
   */
  private lost(peer: Peer): void {
    if (!this.room.hasPeer(peer)) return;
    this.room.removePeer(peer);
    peer.close(TRY_AGAIN_LATER, 'the board is busy');
  }

  /** An update of this peer from `defer` was judged in its batch (whatever the verdict). */
  judged(peer: Peer): void {
    const held = this.held.get(peer);
    if (!held) return;
    held.judged++;
    const due = held.waiting.filter((w) => w.after <= held.judged);
    held.waiting = held.waiting.filter((w) => w.after > held.judged);
    if (held.judged >= held.deferred) this.held.delete(peer);
    // Queued: they run once the batch judging this update has been stored.
    for (const w of due) this.room.enqueue(async () => w.run());
  }

  /** `run` now, or once every update the peer had deferred so far has been judged. */
  whenJudged(peer: Peer, run: () => void): void {
    const held = this.held.get(peer);
    if (!held) return run();
    held.waiting.push({ after: held.deferred, run });
  }

  /** The peer left the room. */
  forget(peer: Peer): void {
    this.held.delete(peer);
  }
}

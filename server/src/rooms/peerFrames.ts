import * as Y from 'yjs';
import type { RefusalReason } from '@twinspace/shared';
import type { ClientArrival } from './arrivals.ts';
import type { RoomAwareness } from './awareness.ts';
import { decodeFrame, deniedFrame } from './frames.ts';
import type { DocLimits } from './limits.ts';
import { PeerCost, PeerStrikes } from './strikes.ts';
import type { Peer, RoomHooks } from './types.ts';
import type { WholeBoard } from './whole-board.ts';

/** Longest refusal detail (characters) logged and sent back. */
export const REFUSAL_DETAIL_MAX = 200;

/**
 * What a peer's frames may reach of their room. The room hands it in and stays the one
 * owner of its peers, its batches and its queue.
 */
export interface FrameRoom {
  readonly code: string;
  readonly hooks: Pick<RoomHooks, 'onRefused'>;
  readonly awareness: RoomAwareness;
  readonly whole: WholeBoard;
  /** Closed meanwhile (or refused at connect): its frames are void. */
  hasPeer(peer: Peer): boolean;
  readonly clientOwner: (clientId: number) => string | undefined;
  /** Into the room's next batch (Coalescer). */
  addUpdate(arrival: ClientArrival): void;
  /** Queues the batch the coalescer holds for the next turn now. */
  hurryUpdates(): void;
  /**
   * Runs `run` now, or (scale-out) once the peer's updates waiting for the board's mutex
   * have been judged and stored (CountedUpdates).
   */
  whenJudged(peer: Peer, run: () => void): void;
  /** Runs `task` in the room's queue, after every change queued before it. */
  enqueue(task: () => Promise<void>): void;
  removePeer(peer: Peer): void;
}

/**
 * A room's incoming frames, and each peer's budgets. Whatever a frame holds, only its
 * sender is refused or closed (SPEC R12): it is decoded before it is queued, and nothing a
 * peer sends throws inside the room's queue.
 */
export class PeerFrames {
  private readonly strikes: PeerStrikes;
  private readonly syncCost: PeerCost;

  constructor(
    private readonly room: FrameRoom,
    limits: Pick<DocLimits, 'maxRefusalsPerMinute' | 'maxSyncMsPerMinute'>,
  ) {
    this.strikes = new PeerStrikes(limits.maxRefusalsPerMinute);
    this.syncCost = new PeerCost(limits.maxSyncMsPerMinute);
  }

  /** Any frame from a peer. */
  handle(peer: Peer, data: Uint8Array): void {
    let msg: ReturnType<typeof decodeFrame>;
    try {
      msg = decodeFrame(data);
    } catch {
      this.refuse(peer, 'malformed-update');
      return;
    }
    switch (msg.kind) {
      case 'sync-step1':
        // Answered after every update that arrived before it (a client takes the answer as
        // the judgement of what it sent before asking, SPEC R21): a batch the coalescer
        // holds for the next turn is queued now, ahead of the answer; an update of theirs
        // waiting for the board's mutex (scale-out, SPEC R41) is judged before it too.
        this.room.hurryUpdates();
        this.room.enqueue(async () =>
          this.room.whenJudged(peer, () => this.answerStep1(peer, msg.stateVector)),
        );
        return;
      case 'update':
        this.room.addUpdate({ peer, update: msg.update, started: performance.now() });
        return;
      case 'awareness':
        this.receiveAwareness(peer, msg.update);
        return;
      case 'query-awareness': {
        const aw = this.room.awareness.snapshotFrame();
        if (aw) peer.send(aw);
        return;
      }
      default:
        return;
    }
  }

  refuse(peer: Peer, reason: RefusalReason, detail?: string): void {
    // The detail may quote what the peer sent (an id, a field name): the log and the notice
    // get its first words, not a megabyte per refusal.
    if (detail !== undefined && detail.length > REFUSAL_DETAIL_MAX)
      detail = `${detail.slice(0, REFUSAL_DETAIL_MAX - 1)}…`;
    peer.send(deniedFrame(reason));
    this.room.hooks.onRefused({ code: this.room.code, actor: peer.actor, reason, detail });
    // A peer that keeps sending what is refused is closed: each refusal costs the room a
    // fresh staging copy, and nobody else may pay for one peer's input.
    if (this.strikes.strike(peer)) this.closeOverBudget(peer, 'too many refused changes');
  }

  /** The peer left the room: its budgets go with it. */
  forget(peer: Peer): void {
    this.strikes.forget(peer);
    this.syncCost.forget(peer);
  }

  /**
   * A state vector that does not decode is its sender's problem, never the room's; so is
   * asking for more of the room's time than a connection's budget (PeerCost).
   */
  private answerStep1(peer: Peer, stateVector: Uint8Array): void {
    if (!this.room.hasPeer(peer)) return;
    const started = performance.now();
    let reply: Uint8Array;
    try {
      Y.decodeStateVector(stateVector);
      reply = this.room.whole.replyTo(stateVector);
    } catch {
      this.refuse(peer, 'malformed-update', 'sync step 1');
      return;
    }
    if (!this.syncCost.charge(peer, performance.now() - started)) return peer.send(reply);
    this.closeOverBudget(peer, 'too many sync requests');
  }

  /** Nobody else may pay for one peer's input (SPEC R12): past a budget, it is closed. */
  private closeOverBudget(peer: Peer, reason: string): void {
    this.room.removePeer(peer);
    peer.close(1008, reason);
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    try {
      if (peer.actor.role === 'projector') return; // read-only screens have no cursor
      if (!this.room.hasPeer(peer)) return; // refused at connect (a removed participant), closing
      if (this.room.awareness.receive(peer, update, this.room.clientOwner) === 'over-limit')
        this.refuse(peer, 'limit-reached', 'awareness: a few clientIDs, small states');
    } catch {
      this.refuse(peer, 'malformed-update');
    }
  }
}

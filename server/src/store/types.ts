import type { BoardKind, PresenceAggregate } from '@twinspace/shared';
import type { PhotoStore } from './photos.ts';
import type { TeamStore } from './team.ts';
import type { EventStore } from './events.ts';

export interface BoardRecord {
  code: string;
  kind: BoardKind;
  title: string;
  createdAt: number;
  /** sha256 of the facilitator token; the token itself is never stored. */
  facilitatorTokenHash: string;
  /** Last change of its content (throttled, retention/activity.ts); createdAt until one. */
  lastActiveAt?: number;
  /** The facilitator's own retention in days; undefined: the deployment's RETENTION_DAYS. */
  retentionDays?: number;
}

export interface ParticipantRecord {
  board: string;
  id: string;
  secretHash: string;
  name: string;
  role: 'facilitator' | 'participant';
  city: string | undefined;
  language: string | undefined;
  createdAt: number;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last log entry read; compaction folds everything up to it. */
  lastSeq: number;
}

/** Raised by createBoard when the code exists already (the caller draws another). */
export class CodeTakenError extends Error {
  constructor(code: string) {
    super(`room code ${code} is taken`);
  }
}

/**
 * Where boards live. Rooms talk to this interface only; SQLite (embedded, default)
 * and Redis (scale-out) are adapters behind it, checked by one contract test suite.
 */
export interface Store {
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void>;
  getBoard(code: string): Promise<BoardRecord | null>;
  /**
   * Removes the board and everything in it: log, snapshot, participants, and with Redis
   * every key under the board's hash tag `board:{CODE}` (docs/privacy.md).
   */
  deleteBoard(code: string): Promise<void>;

  /** Durably appends one accepted update; resolves with its sequence number. */
  appendUpdate(code: string, update: Uint8Array): Promise<number>;
  loadDoc(code: string): Promise<StoredDoc>;
  /** Replaces the snapshot and drops log entries up to and including `uptoSeq`. */
  compact(code: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  putParticipant(p: ParticipantRecord): Promise<void>;
  getParticipant(board: string, id: string): Promise<ParticipantRecord | null>;
  /** A participant deleted their data: their record (name, city, secret) goes. */
  deleteParticipant(board: string, id: string): Promise<void>;

  /** Retention (retention/): the board changed at `at` (callers throttle). */
  touchBoard(code: string, at: number): Promise<void>;
  /** The facilitator's retention for this board in days; null: the deployment's default. */
  setRetention(code: string, days: number | null): Promise<void>;
  /**
   * Up to `limit` boards whose last activity plus their retention (theirs, else
   * `defaultDays`; 0 = keep forever) is before `now`.
   */
  expiredBoards(now: number, defaultDays: number, limit: number): Promise<string[]>;

  /**
   * Scale-out only: delivers every update appended to this board's log after `afterSeq`
   * by any process (this one's included: applying a known update is a no-op in Yjs).
   * Absent on the embedded store, where one process is the only writer.
   */
  subscribe?(
    code: string,
    afterSeq: number,
    onUpdate: (update: Uint8Array, seq: number) => void,
  ): () => void;

  /**
   * Scale-out only: runs `fn` while holding this board's mutex across all processes,
   * passing the log's head seq at the time the mutex was taken. Decisions that must see
   * every earlier change (a cell two people drop on, a vote budget) run inside it.
   */
  exclusive?<T>(code: string, fn: (head: number) => Promise<T>): Promise<T>;

  /**
   * Scale-out only: awareness frames between the processes serving a board (not stored).
   * `subscribeAwareness` delivers other processes' updates (and may echo this one's).
   */
  publishAwareness?(code: string, update: Uint8Array): void;
  subscribeAwareness?(code: string, onUpdate: (update: Uint8Array) => void): () => void;

  /** Photos of paper results (docs/photos.md); deleteBoard removes a board's photos too. */
  readonly photos: PhotoStore;
  /** Events that group boards (events.ts); deleteBoard drops the board from its event. */
  events: EventStore;

  /** A named secret shared by every process on this store, created on first use. */
  secret(name: string): Promise<string>;

  /** The facilitation team: named links, hand-over, activity log (docs/team.md). */
  readonly team: TeamStore;

  /** A small write that proves the store takes writes now (readiness, `/readyz`). */
  ping?(): Promise<void>;

  close(): Promise<void>;
}

/**
 * Scale-out: every process holds the presence of its own connections only. A bus swaps
 * each process's part for everyone's, and each process shows its clients the merge.
 */
export interface PresenceBus {
  exchange(code: string, own: PresenceAggregate): Promise<PresenceAggregate[]>;
  leave(code: string): Promise<void>;
}

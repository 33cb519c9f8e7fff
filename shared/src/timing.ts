/**
 * Every timing constant of the product in one place, so that tuning the feel of the
 * system (and reading why it behaves as it does) never means hunting through code.
 */
export const TIMING = {
  /** A Yjs ticket is short-lived: it only has to survive from handshake to upgrade. */
  ticketTtlMs: 5 * 60_000,
  /** Clients send presence at most this often; the server aggregates it per room. */
  presenceClientThrottleMs: 250,
  /** The server broadcasts the aggregated presence of a room at most this often. */
  presenceBroadcastMs: 1_000,
  /** Awareness frames (y-protocols) are coalesced per room over this window. */
  awarenessFlushMs: 100,
  /** Scale-out: each process republishes its part of a board's presence this often. */
  presenceHeartbeatMs: 3_000,
  /** Scale-out: a process's part that has not been refreshed for this long is dropped. */
  presencePartTtlMs: 10_000,
  /** A participant who has been silent this long is no longer shown as present. */
  presenceExpiryMs: 30_000,
  /** Joins within this window are written to the participant directory as one change. */
  directoryBatchMs: 15,
  /** After the last connection leaves, a room stays loaded this long before unloading. */
  roomUnloadGraceMs: 10_000,
  /** Compaction folds the update log into a snapshot once it has this many entries... */
  compactAfterUpdates: 500,
  /** ...or once the oldest uncompacted entry is this old. */
  compactAfterMs: 30_000,
  /** Scale-out: the first connection to Redis must succeed within this, or the server exits. */
  redisConnectTimeoutMs: 5_000,
  /** Scale-out: how long one blocking read of the board logs waits before it is issued again. */
  redisLogBlockMs: 2_000,
  /** Scale-out: a compaction lock expires after this even if its holder died mid-way. */
  compactLockMs: 30_000,
  /** Scale-out: Socket.IO connection-state recovery covers disconnections up to this long. */
  socketRecoveryMs: 2 * 60_000,
  /** Scale-out: how long a board's cross-process mutex lives if its holder dies... */
  boardMutexMs: 5_000,
  /** ...and how long a command waits for it before giving up. */
  boardMutexWaitMs: 4_000,
  /** Scale-out: how long a process waits to catch up with the log before deciding. */
  catchUpMs: 4_000,
  /**
   * A control-socket connection attempt that gets no answer is given up after this and tried
   * again (Socket.IO's default is 20 s): on Wi-Fi that swallows packets and then comes back,
   * a phone reconnects within about 10 s, while a handshake on Slow 3G (about 2.5 round trips
   * of 2 s) still fits twice over.
   */
  socketConnectTimeoutMs: 10_000,
  /** Code or strings that failed to download: first retry after this, doubling (client). */
  chunkRetryBaseMs: 500,
  /** ...up to this between retries. */
  chunkRetryMaxMs: 10_000,
  /**
   * A repeat visit waits at most this long for the device copy before it shows the board
   * (client): a copy read by then shows in one render, full, instead of an empty board
   * filling up; a slow IndexedDB never holds the board back for longer.
   */
  deviceCopyWaitMs: 1_000,
  /**
   * An IndexedDB that has not read the device copy by then is taken as none (client): on some
   * phones it never answers, and the board connects only once the copy is in (what the
   * person did that the server lacks is in the edit log too, sync/editLog.ts).
   */
  deviceCopyGiveUpMs: 8_000,
  /**
   * A photo upload with no answer by then is given up and tried again later (client): on a
   * connection that died without a word the request would otherwise hang for minutes, the
   * uploader busy, while a shrunk photo (under 1 MB) takes 20 s even at 50 KB/s.
   */
  photoUploadTimeoutMs: 60_000,
  /**
   * A wall out of step with the board for this long says as of when it shows the board
   * (client): long enough that a reconnect in passing (a few seconds) shows nothing.
   */
  wallStaleAfterMs: 10_000,
} as const;

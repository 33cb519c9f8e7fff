/**
 * What the UI shows about the connection, derived from a few facts the transports report.
 * Pure, so the whole table is unit-tested (connectionState.test.ts).
 *
 * - online:  the Yjs document is synced with the server and the control channel has joined.
 * - syncing: connected (or connecting for the first time), but not yet in step: the
 *            initial sync is running or local edits made offline are being merged.
 * - offline: no connection; edits keep working locally and merge on reconnect.
 */
export type ConnectionState = 'online' | 'syncing' | 'offline';

export type WsStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

export interface ConnectionFacts {
  /** The browser's own idea of the network (navigator.onLine): the fastest offline signal. */
  readonly browserOnline: boolean;
  /** Whether the server answered over HTTP (null: not asked yet). Used before joining. */
  readonly reachable: boolean | null;
  /** A document connection exists (after joining); before that only reachability counts. */
  readonly live: boolean;
  /** The y-websocket provider's status. */
  readonly ws: WsStatus;
  /** The provider finished the sync handshake on its current connection. */
  readonly synced: boolean;
  /** The provider has been connected at least once (a first attempt is "syncing", a retry is "offline"). */
  readonly wsEverConnected: boolean;
  /** The Socket.IO control channel (join, presence, commands) is connected. */
  readonly socket: boolean;
  /**
   * The server answered this control connection's join: until then commands (a dot, a
   * question) wait in the outbox, so a reconnected socket alone is not yet "online".
   */
  readonly joined: boolean;
  /** Its last attempt to connect failed (cleared when it connects). */
  readonly socketFailed: boolean;
  /** Local edits were made while not synced; cleared once a sync handshake completes. */
  readonly pendingLocal: boolean;
}

export const INITIAL_FACTS: ConnectionFacts = {
  browserOnline: true,
  reachable: null,
  live: false,
  ws: 'idle',
  synced: false,
  wsEverConnected: false,
  socket: false,
  joined: false,
  socketFailed: false,
  pendingLocal: false,
};

export function deriveConnectionState(facts: ConnectionFacts): ConnectionState {
  if (!facts.browserOnline) return 'offline';
  // Before joining there is nothing to sync: the server answering is all that matters.
  if (!facts.live)
    return facts.reachable === null ? 'syncing' : facts.reachable ? 'online' : 'offline';
  if (facts.ws === 'connected') {
    return facts.synced && facts.socket && facts.joined && !facts.pendingLocal
      ? 'online'
      : 'syncing';
  }
  // A board opened from the device copy has no document connection until the control
  // socket brings a ticket: when that socket cannot reach the server, this is offline, not a
  // start-up (it said "syncing" for as long as the server stayed away).
  if (facts.ws === 'idle' && !facts.socket && (facts.socketFailed || facts.reachable === false))
    return 'offline';
  // Before the first connection of a provider we are starting up, not offline.
  if (!facts.wsEverConnected && facts.ws !== 'disconnected') return 'syncing';
  return 'offline';
}

/** Applies a provider status change; a fresh sync handshake is needed after every reconnect. */
export function withWsStatus(facts: ConnectionFacts, ws: WsStatus): ConnectionFacts {
  return {
    ...facts,
    ws,
    synced: ws === 'connected' ? facts.synced : false,
    wsEverConnected: facts.wsEverConnected || ws === 'connected',
  };
}

/** Applies the provider's "synced" flag: a completed handshake has sent all local edits. */
export function withSynced(facts: ConnectionFacts, synced: boolean): ConnectionFacts {
  return { ...facts, synced, pendingLocal: synced ? false : facts.pendingLocal };
}

/** A local edit: only pending when it cannot have gone straight out on a synced connection. */
export function withLocalEdit(facts: ConnectionFacts): ConnectionFacts {
  const sentImmediately = facts.ws === 'connected' && facts.synced;
  return sentImmediately || facts.pendingLocal ? facts : { ...facts, pendingLocal: true };
}

/**
 * What one Socket.IO connection may ask of the server (docs/SECURITY.md, "Budgets and
 * limits"), kept in its `socket.data`: rejoins with the participant's secret and commands
 * spend no other budget, so each connection has its own.
 */
export interface ConnectionBudgets {
  /** When this connection's joins were answered with the whole board (the last minute's). */
  states?: number[];
  /** Commands and joins this connection may still send now (token buckets, *_PER_SOCKET). */
  commands?: Bucket;
  joins?: Bucket;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Commands one connection may send: a burst (an outbox sent again after a reconnect), then a
 * steady rate no hand reaches. Past it a command is refused `limit-reached` without running:
 * one socket's 5,000 Q&A views (each opens every question) held the event loop for seconds,
 * every board's.
 */
export const COMMANDS_PER_SOCKET = { burst: 200, perSecond: 20 } as const;
/**
 * Joins one connection may send (each writes the participant's record): a device joins once,
 * then again for a fresh ticket every few minutes or after a reconnect. Past it a join is
 * refused `rate-limited`: 2,000 rejoins at once stalled the event loop 0.7 s.
 */
export const JOINS_PER_SOCKET = { burst: 20, perSecond: 0.5 } as const;

/** Takes one token of the connection's bucket; false when it is empty. */
export function allowed(
  socket: { data: ConnectionBudgets },
  which: 'commands' | 'joins',
  limit: { burst: number; perSecond: number },
  now = Date.now(),
): boolean {
  const bucket = socket.data[which] ?? { tokens: limit.burst, at: now };
  const refill = ((now - bucket.at) / 1000) * limit.perSecond;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + refill);
  bucket.at = now;
  socket.data[which] = bucket;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * A join's whole-board answer (SPEC R14) is a device's first; past this many a minute on one
 * connection, a join is answered without it (the Yjs socket's sync brings the board all the
 * same), so a loop of rejoins cannot have the server send the whole board over and over:
 * 2,000 rejoins sent 219 MB and stalled the event loop.
 */
const STATES_PER_SOCKET_PER_MINUTE = 3;

export function stateAllowed(socket: { data: ConnectionBudgets }, now = Date.now()): boolean {
  const recent = (socket.data.states ?? []).filter((t) => now - t < 60_000);
  const ok = recent.length < STATES_PER_SOCKET_PER_MINUTE;
  if (ok) recent.push(now);
  socket.data.states = recent;
  return ok;
}

import type { Server } from 'socket.io';
import type { Session } from '../rooms/join.ts';

/** What restoreSession hands back: the connection's rooms and data as they were persisted. */
interface PersistedSession {
  data?: { session?: Session };
}

/**
 * Scale-out: Socket.IO's connection-state recovery hands a connection that dropped back its
 * rooms and its session (the persisted `socket.data`), with the packets it missed, without a
 * new join. What happened meanwhile must hold for it as for a join: a session whose board
 * was deleted, whose facilitator link was revoked (SPEC R35), whose participant was removed
 * (R23) or deleted their data (R29) is not restored (`stands` says no, or throws). The
 * connection then starts unjoined, with no missed packet; a join checks its credential.
 */
export function guardRecovery(io: Server, stands: (session: Session) => Promise<boolean>): void {
  const adapter = io.of('/').adapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const restored = await restore(pid, offset);
    const session = (restored as PersistedSession | null)?.data?.session;
    if (!restored || !session) return restored;
    const ok = await stands(session).catch(() => false);
    // Socket.IO starts a fresh connection when nothing is restored.
    return ok ? restored : (null as unknown as typeof restored);
  };
}

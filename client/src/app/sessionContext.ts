import { createContext, useContext } from 'react';
import type { BoardSession } from '../sync/boardSession.ts';

/** The live session of the current board route, for components that act (edit, command). */
export const SessionContext = createContext<BoardSession | null>(null);

export function useSession(): BoardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a joined board route');
  return session;
}

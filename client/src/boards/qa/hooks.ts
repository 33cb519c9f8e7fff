import { useEffect } from 'react';
import type { CommandResult } from '@twinspace/shared/protocol';
import { useSession } from '../../app/sessionContext.ts';
import { qaActions, usePendingCount, useQuestions } from '../../state/qaStore.ts';
import { useRole } from '../../state/sessionStore.ts';

/** Keeps what an ack carries of this person's private Q&A view (qa-private, ask, vote). */
export function keepQaMine(result: CommandResult | 'timeout' | null): void {
  if (result && result !== 'timeout' && result.data?.type === 'qa-private')
    qaActions().setMine(result.data);
}

/**
 * Asks the server for what only this person may see (waiting questions, own and upvoted
 * ids) when the board's questions or the number waiting change: the texts of waiting
 * questions are never in the document.
 */
export function useQaPrivate(): void {
  const session = useSession();
  const role = useRole();
  const pending = usePendingCount();
  const ids = useQuestions()
    .map((q) => q.id)
    .sort()
    .join();
  useEffect(() => {
    if (role === 'projector') return;
    void session.command({ type: 'qa-private' }).then(keepQaMine);
  }, [session, role, pending, ids]);
}

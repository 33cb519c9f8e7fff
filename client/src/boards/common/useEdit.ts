import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../app/sessionContext.ts';
import { useParticipantId } from '../../state/sessionStore.ts';

/**
 * Edits the live document as this participant. The document is read at call time, because
 * it changes identity after a resync. Returns false before joining.
 */
export function useEdit(): (change: (doc: Y.Doc, owner: string) => void) => boolean {
  const session = useSession();
  const owner = useParticipantId();
  return useCallback(
    (change: (doc: Y.Doc, owner: string) => void) => {
      const doc = session.doc;
      if (!doc || !owner) return false;
      change(doc, owner);
      return true;
    },
    [session, owner],
  );
}

import { useCallback } from 'react';
import type * as Y from 'yjs';
import { readModSettings } from '@twinspace/shared/boards/moderation/read';
import { useSession } from '../../app/sessionContext.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { divertCreates } from '../moderation/divert.ts';
import { submitForApproval } from '../moderation/submissions.ts';

/**
 * Edits the live document as this participant. The document is read at call time, because
 * it changes identity after a resync. Returns false before joining. A participant's new
 * entity in a part waiting for approval goes to the queue instead (moderation, SPEC R24).
 */
export function useEdit(): (change: (doc: Y.Doc, owner: string) => void) => boolean {
  const session = useSession();
  const owner = useParticipantId();
  const role = useRole();
  return useCallback(
    (change: (doc: Y.Doc, owner: string) => void) => {
      const doc = session.doc;
      if (!doc || !owner) return false;
      if (role !== 'facilitator') {
        const queued = divertCreates((d) => change(d, owner), readModSettings(doc).approval);
        if (queued) {
          submitForApproval(session, queued);
          return true;
        }
      }
      change(doc, owner);
      return true;
    },
    [session, owner, role],
  );
}

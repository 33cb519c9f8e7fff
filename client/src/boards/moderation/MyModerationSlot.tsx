import { Suspense, useEffect } from 'react';
import { lazy } from '../../app/lazy.ts';
import { useSession } from '../../app/sessionContext.ts';
import { useMySubmissions, useTombstones } from '../../state/moderationStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { myModeration } from '../loaders.ts';
import { loadSubmissions } from './submissions.ts';

const MyModeration = lazy(myModeration);

/**
 * Where a participant's own moderation notes go: their code downloads only when there is
 * something to show (a submission waiting, an entry hidden), so a phone's first load stays
 * within its budget.
 */
export function MyModerationSlot() {
  const session = useSession();
  const role = useRole();
  const me = useParticipantId();
  const mine = useMySubmissions().length;
  const hidden = useTombstones().some((t) => t.owner === me);
  useEffect(() => loadSubmissions(session.code, role), [session, role]);
  if (mine === 0 && !hidden) return null;
  return (
    <Suspense fallback={null}>
      <MyModeration />
    </Suspense>
  );
}

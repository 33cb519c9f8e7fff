import { useMemo } from 'react';
import { usePhase } from '../../state/boardStore.ts';
import { useBoardInfo, useParticipantId, useRole, useTeamRole } from '../../state/sessionStore.ts';
import type { Actor } from './cardOps.ts';

/** Who is acting here, for the same permission checks the server makes. */
export function useActor(): Actor | null {
  const role = useRole();
  const participantId = useParticipantId();
  const kind = useBoardInfo()?.kind;
  const phase = usePhase() ?? '';
  const team = useTeamRole()?.role;
  return useMemo(
    () => (kind === undefined ? null : { role, participantId, kind, phase, team }),
    [role, participantId, kind, phase, team],
  );
}

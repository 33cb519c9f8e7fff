import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@twinspace/shared/protocol';
import { groupsOf, picksOf, topFive, type Point } from '@twinspace/shared/boards/top-five/logic';
import { useSession } from '../../app/sessionContext.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { toast } from '../../state/toastStore.ts';
import { useTfPoints } from '../../state/topFiveStore.ts';

export { useEdit } from '../common/useEdit.ts';

/** Sends a command; a refusal shows the usual toast. Resolves true when the server agreed. */
export function useTfCommand(): (cmd: Command) => Promise<boolean> {
  const session = useSession();
  return useCallback(
    async (cmd: Command) => {
      const result = await session.command(cmd);
      if (result !== 'timeout' && result.type === 'ok') return true;
      toast({
        kind: 'command',
        reason: result === 'timeout' ? 'timeout' : result.reason,
        tone: 'warning',
      });
      return false;
    },
    [session],
  );
}

/** Groups that have points, sorted. */
export function useTfGroups(): string[] {
  const points = useTfPoints();
  return useMemo(() => groupsOf(points), [points]);
}

/** One group's points (oldest first), its top five, and this person's picks in it. */
export function useTfGroup(group: string): { points: Point[]; top: Point[]; mine: number } {
  const points = useTfPoints();
  const me = useParticipantId();
  return useMemo(
    () => ({
      points: points.filter((p) => p.group === group),
      top: topFive(points, group),
      mine: me === null ? 0 : picksOf(points, group, me).length,
    }),
    [points, group, me],
  );
}

/** The name a group shows with: '' is the whole room. */
export function useGroupName(): (group: string) => string {
  const { t } = useTranslation('topFive');
  return useCallback((group: string) => group || t('group.wholeRoom'), [t]);
}

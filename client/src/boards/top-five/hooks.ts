import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupsOf, picksOf, topFive, type Point } from '@twinspace/shared/boards/top-five/logic';
import { useParticipantId } from '../../state/sessionStore.ts';
import { useTfPoints } from '../../state/topFiveStore.ts';

export { useEdit } from '../common/useEdit.ts';

export { useCommand } from '../common/useCommand.ts';

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

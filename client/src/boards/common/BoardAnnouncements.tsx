import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounceChange, useAnnounceNew } from '../../components/Announcer.tsx';
import { phaseLabel } from '../../i18n/dataLabels.ts';
import { boardActions, useCardIds, usePhase } from '../../state/boardStore.ts';
import { useBoardInfo, useParticipantId } from '../../state/sessionStore.ts';

/**
 * What a screen reader hears about the foundation board, politely and batched: new cards
 * by others ("3 new cards") and phase changes. Renders nothing; the app's one live
 * region (components/Announcer.tsx) speaks. Boards announce their own news (new topics,
 * timers) with the same hooks.
 */
export function BoardAnnouncements() {
  const { t } = useTranslation(['board', 'common']);
  const board = useBoardInfo();
  const phase = usePhase();
  const me = useParticipantId();
  const ids = useCardIds();
  const mine = useCallback((id: string) => boardActions().cards.byId[id]?.owner === me, [me]);
  useAnnounceNew(ids, 'cards', (count) => t('board:announce.newCards', { count }), mine);
  const label = board && phase ? phaseLabel(board.kind, phase) : null;
  useAnnounceChange(phase, label ? t('common:announce.phase', { phase: label }) : null, 'phase');
  return null;
}

import { useTranslation } from 'react-i18next';
import type { Announcements } from '@dnd-kit/core';

/**
 * What a screen reader hears during a drag on this board, in the reader's language and
 * with names, not ids (dnd-kit's defaults are English and say "draggable item card_x7Q2").
 */
export function useDndAnnouncements(
  titleOf: (id: string) => string,
  targetOf: (id: string) => string,
): Announcements {
  const { t } = useTranslation('matchSprint');
  const title = (id: string | number): string => titleOf(String(id));
  return {
    onDragStart: ({ active }) => t('dnd.start', { title: title(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { title: title(active.id), target: targetOf(String(over.id)) })
        : t('dnd.nowhere', { title: title(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.end', { title: title(active.id), target: targetOf(String(over.id)) })
        : t('dnd.cancel', { title: title(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancel', { title: title(active.id) }),
  };
}

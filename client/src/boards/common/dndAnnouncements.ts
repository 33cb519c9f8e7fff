import type { Announcements } from '@dnd-kit/core';

export type DndMessage = 'start' | 'over' | 'nowhere' | 'end' | 'cancel';

/**
 * What a screen reader hears during a drag, with names instead of ids and in the reader's
 * language (dnd-kit's defaults are English and say "draggable item card_x7Q2"). Each board
 * words the five messages in its own namespace (`say`).
 */
export function dndAnnouncements(
  say: (message: DndMessage, title: string, target: string) => string,
  titleOf: (id: string) => string,
  targetOf: (id: string) => string,
): Announcements {
  const title = (id: string | number): string => titleOf(String(id));
  return {
    onDragStart: ({ active }) => say('start', title(active.id), ''),
    onDragOver: ({ active, over }) =>
      over
        ? say('over', title(active.id), targetOf(String(over.id)))
        : say('nowhere', title(active.id), ''),
    onDragEnd: ({ active, over }) =>
      over
        ? say('end', title(active.id), targetOf(String(over.id)))
        : say('cancel', title(active.id), ''),
    onDragCancel: ({ active }) => say('cancel', title(active.id), ''),
  };
}

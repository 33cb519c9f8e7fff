// The grid's droppable ids, apart from dnd.ts: the slot picker and the schedule preview use
// them without bringing dnd-kit (12 KB) onto the phone's first load.
/** Droppable ids of the grid: one per cell, plus the tray of unplaced topics. */
export const TRAY_ID = 'tray';
export const cellId = (slotId: string, spaceId: string): string => `cell|${slotId}|${spaceId}`;
export function parseCellId(id: string): { slotId: string; spaceId: string } | null {
  const [kind, slotId, spaceId] = id.split('|');
  return kind === 'cell' && slotId && spaceId ? { slotId, spaceId } : null;
}

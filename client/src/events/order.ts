import type { EventBoard, EventInfo } from '@twinspace/shared/events/types';

/** The last phase of every board kind: a board there is over. */
const OVER = 'closed';

/**
 * The event's boards as its page lists them: the one on now first, then those still
 * running, in the event's order, then those that are over.
 */
export function boardsInOrder(info: EventInfo): EventBoard[] {
  const rank = (b: EventBoard): number => (b.code === info.current ? 0 : b.phase === OVER ? 2 : 1);
  return info.boards
    .map((board, i) => ({ board, i }))
    .sort((a, b) => rank(a.board) - rank(b.board) || a.i - b.i)
    .map(({ board }) => board);
}

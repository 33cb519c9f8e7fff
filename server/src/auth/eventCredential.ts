import type { BoardRecord, Store } from '../store/types.ts';
import type { EventRecord } from '../store/events.ts';
import { tokenMatches } from './tokens.ts';

/** Does `token` open this event (its facilitator token)? */
export const eventTokenMatches = (event: EventRecord, token: string): boolean =>
  tokenMatches(token, event.facilitatorTokenHash);

/**
 * A facilitator credential for a board (join as facilitator, exports): the board's own
 * token, or the token of the event the board belongs to (docs/events.md). The one place
 * that decides it, so every route that takes the board's token takes the event's too.
 */
export async function isFacilitatorCredential(
  store: Store,
  board: BoardRecord,
  token: string,
): Promise<boolean> {
  if (tokenMatches(token, board.facilitatorTokenHash)) return true;
  const code = await store.events.eventOf(board.code);
  const event = code ? await store.events.getEvent(code) : null;
  return event !== null && eventTokenMatches(event, token);
}

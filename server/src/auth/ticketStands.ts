import type { TicketClaims } from '@twinspace/shared';
import type { Room } from '../rooms/room.ts';
import type { Store } from '../store/types.ts';
import { linkStillActive } from './facilitators.ts';

export interface TicketStandsDeps {
  store: Store;
  /** The board's room (RoomRegistry.with): the revocation list is in its document. */
  registry: { with<T>(code: string, fn: (room: Room) => T | Promise<T>): Promise<T> };
}

/**
 * Whether a ticket for `code` (already verified: signed, unexpired, for this board) still
 * speaks for its holder. A ticket is stateless and lives `TICKET_TTL_MS`, so what happened
 * since it was issued is checked wherever one is used over HTTP, as the Yjs connect does:
 * its facilitator link was not revoked (SPEC R35), its participant did not delete their data
 * (their record is gone, R29) and was not removed from the board (R23).
 */
export async function ticketStands(
  deps: TicketStandsDeps,
  code: string,
  claims: Pick<TicketClaims, 'role' | 'participantId' | 'link'>,
): Promise<boolean> {
  if (!(await linkStillActive(deps.store, code, claims.link))) return false;
  if (claims.role === 'projector') return true;
  if (!(await deps.store.getParticipant(code, claims.participantId))) return false;
  return !(await deps.registry.with(code, (room) => room.revoked(claims.participantId)));
}

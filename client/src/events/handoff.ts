import type { Role } from '@twinspace/shared/rules/model';
import { loadIdentity } from '../sync/identity.ts';
import type { JoinDetails } from '../sync/joining.ts';
import { readStoredJson } from '../sync/storage.ts';

/**
 * The person an event page hands to a board (docs/events.md, device.ts writes it): the name,
 * city and language given on a board of the same event, so the next board joins without the
 * form. Kept small: every participant's first download carries this module.
 */
const handoffKey = (board: string): string => `handoff.${board}`;

const isDetails = (v: unknown): v is JoinDetails =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');

/**
 * Who a board's session joins as without the form: the identity stored for this board, else
 * (a participant sent here from an event page, taken once) the person of the event's boards.
 */
export function knownOrHandedOver(board: string, role: Role): JoinDetails | null {
  const known = loadIdentity(board, role);
  if (known || role !== 'participant') return known;
  // Read, not taken: a session started twice (an early start, then the route's) must find it
  // both times; once joined, the stored identity comes first, and leaving forgets this too.
  const person = readStoredJson(handoffKey(board), isDetails);
  return person?.name ? person : null;
}

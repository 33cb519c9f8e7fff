import type { Role } from '@twinspace/shared/rules/model';
import { loadIdentity } from '../sync/identity.ts';
import type { JoinDetails } from '../sync/joining.ts';
import { readStored, readStoredJson, writeStored, writeStoredJson } from '../sync/storage.ts';

/**
 * The person an event page hands to a board (docs/events.md): the name, city and language
 * they gave on a board of the same event, so the next board joins without the form.
 */
const handoffKey = (board: string): string => `handoff.${board}`;
const tokenKey = (event: string): string => `eventToken.${event}`;

const isDetails = (v: unknown): v is JoinDetails =>
  typeof v === 'object' &&
  v !== null &&
  ['name', 'city', 'language'].every((k) => {
    const x = (v as Record<string, unknown>)[k];
    return x === undefined || typeof x === 'string';
  });

/** Who this device was on a board of the event (the first board it joined, in event order). */
export function knownPerson(
  boards: readonly string[],
  role: Role = 'participant',
): JoinDetails | null {
  for (const board of boards) {
    const identity = loadIdentity(board, role);
    if (identity?.name)
      return {
        name: identity.name,
        ...(identity.city ? { city: identity.city } : {}),
        ...(identity.language ? { language: identity.language } : {}),
      };
  }
  return null;
}

/** Before opening a board the device has not joined: who to join it as. */
export function handOver(board: string, person: JoinDetails | null): void {
  if (person && !loadIdentity(board, 'participant')) writeStoredJson(handoffKey(board), person);
}

/** The board's session takes the handed-over person once (BoardSession.open). */
export function takeHandoff(board: string): JoinDetails | null {
  const person = readStoredJson(handoffKey(board), isDetails);
  writeStored(handoffKey(board), null);
  return person?.name ? person : null;
}

/**
 * Who a board's session joins as without the form: the identity stored for this board, else
 * (a participant sent here from an event page) the person they were on the event's boards.
 */
export const knownOrHandedOver = (board: string, role: Role): JoinDetails | null =>
  loadIdentity(board, role) ?? (role === 'participant' ? takeHandoff(board) : null);

/** The event's key arrives in the fragment (#key=...), is kept on the device and leaves the address bar. */
export function takeEventToken(event: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromHash) {
    writeStored(tokenKey(event), fromHash);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    return fromHash;
  }
  return readStored(tokenKey(event));
}

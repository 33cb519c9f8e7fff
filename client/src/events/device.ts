import type { Role } from '@twinspace/shared/rules/model';
import type { JoinDetails } from '../sync/joining.ts';
import { readStored, readStoredJson, writeStored, writeStoredJson } from '../sync/storage.ts';

/** What the event pages keep on the device: the event's key, and who this person is. */
const tokenKey = (event: string): string => `eventToken.${event}`;
/** handoff.ts reads it (the same key; not imported, so that module stays in the phone's chunk alone). */
const handoffKey = (board: string): string => `handoff.${board}`;

/**
 * The identity a board's session stored (sync/identity.ts, `identity.<board>.<role>`), read
 * here without importing that module: sharing it would split it out of the phone's chunk.
 */
const loadIdentity = (board: string, role: Role): JoinDetails | null =>
  readStoredJson(
    `identity.${board}.${role}`,
    (v): v is JoinDetails => typeof v === 'object' && v !== null,
  );

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

/** Before opening a board the device has not joined: who to join it as (handoff.ts). */
export function handOver(board: string, person: JoinDetails | null): void {
  if (person && !loadIdentity(board, 'participant')) writeStoredJson(handoffKey(board), person);
}

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

import type { EventRecord } from '../store/events.ts';
import { tokenMatches } from './tokens.ts';

/** Does `token` open this event (its facilitator token)? */
export const eventTokenMatches = (event: EventRecord, token: string): boolean =>
  tokenMatches(token, event.facilitatorTokenHash);

// A board's facilitator credentials, the event's token among them, are decided in one
// place: `facilitatorCredential` (facilitators.ts).

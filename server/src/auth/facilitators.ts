import { OWNER_LINK_ID, type TeamRole } from '@twinspace/shared';
import type { BoardRecord, Store } from '../store/types.ts';
import { tokenMatches } from './tokens.ts';

/** Who a facilitator credential belongs to (docs/team.md). */
export interface FacilitatorCredential {
  /** The link's id: `owner` for the board's own link. */
  linkId: string;
  /** The name the link was made for ('' for the owner's: they give it when they join). */
  name: string;
  role: TeamRole;
}

/**
 * One kind of facilitator credential: the board's own link, its named links (and, later,
 * an event's link). Each says whose the token is, or null when it is not one of its kind.
 */
type CredentialSource = (
  store: Store,
  board: BoardRecord,
  token: string,
) => Promise<FacilitatorCredential | null>;

const ownerLink: CredentialSource = async (store, board, token) => {
  if (!tokenMatches(token, board.facilitatorTokenHash)) return null;
  // Handed over with "revoke my own link": the board's own token works no more.
  if (await store.team.ownerRetired(board.code)) return null;
  return { linkId: OWNER_LINK_ID, name: '', role: 'owner' };
};

const namedLinks: CredentialSource = async (store, board, token) => {
  for (const link of await store.team.links(board.code))
    if (tokenMatches(token, link.tokenHash))
      return { linkId: link.id, name: link.name, role: link.role };
  return null;
};

/** The link a ticket carries when its holder joined with the event's token (docs/events.md). */
export const EVENT_LINK_ID = 'event';

/** The token of the event the board belongs to: its organisers run every board of it. */
const eventLink: CredentialSource = async (store, board, token) => {
  const code = await store.events.eventOf(board.code);
  const event = code ? await store.events.getEvent(code) : null;
  if (!event || !tokenMatches(token, event.facilitatorTokenHash)) return null;
  return { linkId: EVENT_LINK_ID, name: '', role: 'owner' };
};

/** Every kind of facilitator credential, tried in order: add a source here, nowhere else. */
const SOURCES: readonly CredentialSource[] = [ownerLink, namedLinks, eventLink];

/**
 * THE check of a facilitator credential, used by the join, the exports and the team routes:
 * the token's owner on this board, or null (no token, a wrong one, a revoked link).
 */
export async function facilitatorCredential(
  store: Store,
  board: BoardRecord,
  token: string | null | undefined,
): Promise<FacilitatorCredential | null> {
  if (!token) return null;
  for (const source of SOURCES) {
    const found = await source(store, board, token);
    if (found) return found;
  }
  return null;
}

/**
 * Whether the link a ticket names still works: a ticket outlives nothing it was issued for,
 * so a revoked link's tickets open no socket and read no export. A ticket without a link
 * (a participant's, a projector's) is not a facilitator link's.
 */
export async function linkStillActive(
  store: Store,
  code: string,
  linkId: string | undefined,
): Promise<boolean> {
  if (linkId === undefined) return true;
  if (linkId === OWNER_LINK_ID) return !(await store.team.ownerRetired(code));
  if (linkId === EVENT_LINK_ID) return (await store.events.eventOf(code)) !== null;
  return (await store.team.links(code)).some((link) => link.id === linkId);
}

/** The owner and co-hosts manage the team; note-takers and table hosts only read its log. */
export const managesTeam = (role: TeamRole): boolean => role === 'owner' || role === 'co-host';

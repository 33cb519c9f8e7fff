/**
 * The facilitation team (issue 16, docs/team.md): named facilitator links and the activity
 * log, as the HTTP API (server/src/http/team.ts) answers them and the console's Team panel
 * reads them. Roles and what each may do are in the rule model (rules/model.ts, `team`).
 */
import type { LinkRole, TeamRole } from './rules/model.ts';

/** Named links one board may have at once (revoked ones do not count). */
export const MAX_FACILITATOR_LINKS = 20;
/** Entries the activity log keeps per board: the newest, older ones drop off. */
export const ACTIVITY_MAX = 200;
/** The link id of the board's own facilitator link (its creator's). */
export const OWNER_LINK_ID = 'owner';

/** One named link as listed (never its token). */
export interface FacilitatorLink {
  id: string;
  name: string;
  role: LinkRole;
  createdAt: number;
  /** Who made it (their name on the board), for the panel. */
  createdBy: string;
}

/** `POST /api/boards/:code/facilitators` answers with the only copy of the token. */
export interface CreatedFacilitatorLink extends FacilitatorLink {
  url: string;
  token: string;
}

/** `GET /api/boards/:code/facilitators`: the links, and who is asking. */
export interface FacilitatorLinkList {
  links: FacilitatorLink[];
  you: { linkId: string; role: TeamRole };
}

/** One facilitator action: who (link and name), what (a command's type), when. */
export interface ActivityEntry {
  at: number;
  linkId: string;
  name: string;
  role: TeamRole;
  action: string;
  /** A short, server-written detail (the phase set, the link's name). */
  detail?: string;
}

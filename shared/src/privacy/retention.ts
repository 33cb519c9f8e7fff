/** One day, the unit of every retention setting. */
export const DAY_MS = 86_400_000;

/** The facilitator console warns this long before a board is deleted for inactivity. */
export const RETENTION_WARNING_DAYS = 7;

/**
 * GET /api/boards/:code/retention (facilitator only): when the board will be deleted for
 * inactivity (docs/privacy.md, "How long"), and what the facilitator may choose.
 */
export interface RetentionInfo {
  /** The last change of the board's content (ms since 1970; hours coarse). */
  lastActiveAt: number;
  /** The board's own retention in days, or null: the deployment's default. */
  ownDays: number | null;
  /** The deployment's default (RETENTION_DAYS); 0: boards are kept until deleted. */
  defaultDays: number;
  /** The longest a facilitator may choose (RETENTION_MAX_DAYS); 0: no maximum. */
  maxDays: number;
  /** When the sweeper deletes it, or null: kept until its facilitator deletes it. */
  deletesAt: number | null;
}

/** When a board last active at `lastActiveAt` and kept `days` days goes (null: never). */
export const deletionTime = (lastActiveAt: number, days: number): number | null =>
  days > 0 ? lastActiveAt + days * DAY_MS : null;

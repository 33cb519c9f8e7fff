/**
 * The facilitator's timer, a board feature any kind switches on (docs/adding-a-board.md).
 * Its root and fields are the ones both kinds used before they shared it, so boards stored
 * before then show their timer unchanged: nothing is migrated.
 */
export const TIMER_ROOT = 'timer';

/** Longest timer the facilitator may start: a whole workshop day. */
export const TIMER_MAX_MS = 24 * 60 * 60_000;

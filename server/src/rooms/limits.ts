/**
 * Limits on what clients can make a board grow by (SPEC R7, R17, R18), from the
 * environment with safe defaults. Every refusal carries a typed reason the UI translates.
 */
export interface DocLimits {
  /** Largest a board's stored document may grow (MAX_BOARD_BYTES). */
  maxBoardBytes: number;
  /** Yjs clientIDs one participant may bind: one per device and page load (MAX_CLIENT_IDS). */
  maxClientIds: number;
  /** Refused frames a connection may send per minute before it is closed (MAX_REFUSALS_PER_MINUTE). */
  maxRefusalsPerMinute: number;
  /**
   * Milliseconds of the room's time a connection's sync requests may take per minute
   * before it is closed (MAX_SYNC_MS_PER_MINUTE): what answering a sync step 1 costs.
   */
  maxSyncMsPerMinute: number;
}

export const DEFAULT_DOC_LIMITS: DocLimits = Object.freeze({
  maxBoardBytes: 16 * 1024 * 1024,
  maxClientIds: 500,
  maxRefusalsPerMinute: 30,
  maxSyncMsPerMinute: 2_000,
});

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
  return n;
}

export function docLimitsFrom(env: NodeJS.ProcessEnv): DocLimits {
  return {
    maxBoardBytes: positive(
      env.MAX_BOARD_BYTES,
      DEFAULT_DOC_LIMITS.maxBoardBytes,
      'MAX_BOARD_BYTES',
    ),
    maxClientIds: positive(env.MAX_CLIENT_IDS, DEFAULT_DOC_LIMITS.maxClientIds, 'MAX_CLIENT_IDS'),
    maxRefusalsPerMinute: positive(
      env.MAX_REFUSALS_PER_MINUTE,
      DEFAULT_DOC_LIMITS.maxRefusalsPerMinute,
      'MAX_REFUSALS_PER_MINUTE',
    ),
    maxSyncMsPerMinute: positive(
      env.MAX_SYNC_MS_PER_MINUTE,
      DEFAULT_DOC_LIMITS.maxSyncMsPerMinute,
      'MAX_SYNC_MS_PER_MINUTE',
    ),
  };
}

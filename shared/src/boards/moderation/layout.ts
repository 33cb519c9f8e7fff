/**
 * Document layout of moderation (a board feature every kind switches on; docs/moderation.md).
 * Every root is written by the server only. None holds content a participant may not read:
 * a hidden entity's content or a waiting submission is sealed with a key only the server
 * processes hold (AES-256-GCM), and a name is never written while the board is anonymous.
 */
export const MOD_ROOT = {
  /** Tombstones: `${part}/${id}` (or `${part}/${id}/${field}`) -> what was hidden or removed. */
  hidden: '_hidden',
  /**
   * Participants who left for good: participant id -> when, their content's fate (`content`)
   * and, when they deleted their own data, `erased` (privacy/erasure.ts). Removed by a
   * facilitator or erased, nothing more of theirs is accepted: checked on every join,
   * connect, change and command.
   */
  revoked: '_revoked',
  /** The approval queue: submission id (the entity's future id) -> part, owner, sealed fields. */
  queue: '_queue',
  /** Anonymous mode and which parts wait for approval: set by the facilitator's command. */
  settings: 'modSettings',
} as const;

export const tombstoneKey = (part: string, id: string, field?: string): string =>
  field === undefined ? `${part}/${id}` : `${part}/${id}/${field}`;

/** Most submissions waiting at once on one board (the facilitator has to read them all). */
export const MOD_QUEUE_MAX = 500;
/** Most submissions waiting at once from one participant. */
export const MOD_QUEUE_PER_OWNER = 10;

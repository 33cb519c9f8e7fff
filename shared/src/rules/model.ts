/**
 * The rule model: who may create, change and delete which parts of a board.
 * It is data, filled in by each board kind, and read by one pure function
 * (`checkAccess`) that the server calls for every Yjs update and every command,
 * and that the client calls to decide which controls to offer.
 * SPEC rules R1-R9 live in docs/SPEC.md; tests cite them by number.
 */
export const ROLES = ['facilitator', 'participant', 'projector'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may do something.
 * - nobody: only the server itself (e.g. the participant directory).
 * - facilitator: the facilitator only.
 * - owner: the entity's owner, and the facilitator (who moderates everything).
 * - participant: any participant, and the facilitator.
 */
export type Who = 'nobody' | 'facilitator' | 'owner' | 'participant';

export type Action = 'create' | 'update' | 'delete';

/** The value a field may hold. `text` is a Y.Text, `list` a Y.Array of plain values. */
export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'text' | 'list' | 'json';

export interface FieldRule {
  readonly type: FieldType;
  /** Who may write this field; defaults to the part's `update`. */
  readonly write?: Who;
  /** Longest string (characters) or list (entries) accepted. */
  readonly max?: number;
  /** Phases in which non-facilitators may write this field; absent means any phase. */
  readonly phases?: readonly string[];
  /**
   * The value written must equal this attribute of the writer (SPEC R15): e.g. a card's
   * `city` must be its author's city, as the signed join ticket asserts it. The
   * facilitator, who moderates every side, is exempt.
   */
  readonly mustEqualActor?: ActorAttribute;
}

/** Attributes of a writer a field can be bound to (see FieldRule.mustEqualActor). */
export type ActorAttribute = 'city';

export interface PartRule {
  /**
   * collection: a root Y.Map of entities (id -> Y.Map of fields) with an `owner`.
   * record: a root Y.Map of fields (board settings, phase, timer).
   */
  readonly kind: 'collection' | 'record';
  readonly create: Who;
  readonly update: Who;
  readonly delete: Who;
  readonly fields: Readonly<Record<string, FieldRule>>;
  /** Phases in which non-facilitators may do each action; absent means any phase. */
  readonly phases?: Partial<Record<Action, readonly string[]>>;
  /** Most entities one participant may own in this part (budgets, spam limits). */
  readonly maxPerOwner?: number;
}

export interface BoardRules {
  readonly parts: Readonly<Record<string, PartRule>>;
}

/** Field every collection entity carries: the participant id of its creator. */
export const OWNER_FIELD = 'owner';
export const CREATED_FIELD = 'createdAt';

/** The fields every collection entity carries, to spread into a part's fields. */
export const ENTITY_FIELDS = {
  [OWNER_FIELD]: { type: 'string', max: 64 },
  [CREATED_FIELD]: { type: 'number' },
} as const satisfies Record<string, FieldRule>;

/** A part that only the facilitator writes (grid, settings, cities, timer...). */
export function facilitatorPart(
  kind: PartRule['kind'],
  fields: Record<string, FieldRule>,
): PartRule {
  return {
    kind,
    create: 'facilitator',
    update: 'facilitator',
    delete: 'facilitator',
    fields: kind === 'collection' ? { ...ENTITY_FIELDS, ...fields } : fields,
  };
}

export const REFUSAL_REASONS = [
  'read-only-role',
  'unknown-part',
  'unknown-field',
  'not-allowed',
  'not-owner',
  'owner-forged',
  'owner-immutable',
  'wrong-phase',
  'bad-value',
  'bad-id',
  'limit-reached',
  'foreign-client-id',
  'malformed-update',
  'missing-dependencies',
  'unsupported-content',
  'too-long',
  'board-full',
  // Arbitrated by board commands:
  'cell-taken',
  'over-budget',
  'duplicate',
  'not-found',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason; detail?: string };

export const ALLOW: Verdict = Object.freeze({ ok: true });
export const refuse = (reason: RefusalReason, detail?: string): Verdict => ({
  ok: false,
  reason,
  ...(detail === undefined ? {} : { detail }),
});

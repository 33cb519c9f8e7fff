/**
 * The rule model: who may create, change and delete which parts of a board, and who may
 * send which command in which phase. It is data, filled in by each board kind, and read
 * by two pure functions (shared/src/rules/check.ts):
 * - `checkAccess` judges one touch (a part, an entity, a field; create, update or delete).
 *   The server's update gate (server/src/rules/inspect.ts) calls it for each touch of a
 *   client's Yjs update, once the update has passed the projector, clientID and size checks
 *   (SPEC R1-R7, R16); the client calls it to decide which controls to offer.
 * - `checkCommand` judges a command; the server calls it once for every command before its
 *   handler decides anything (SPEC R9).
 * What the server writes itself (command handlers, board set-up) passes neither.
 * SPEC rules live in docs/SPEC.md; tests cite them by number.
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

/**
 * The facilitation team (issue 16, docs/team.md): who holds a facilitator link. `owner` is
 * the board's creator, `co-host` may do everything the owner may; a note-taker and a table
 * host have a participant's rights plus the facilitator's rights only where the rule tables
 * grant their role by name (`team` on a part, field or command rule).
 */
export const TEAM_ROLES = ['owner', 'co-host', 'note-taker', 'table-host'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** The roles a named link may have (the owner's is the board's own link). */
export const LINK_ROLES = ['co-host', 'note-taker', 'table-host'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
/** The roles whose facilitator rights are only those the rules grant them by name. */
export type NarrowRole = Exclude<LinkRole, 'co-host'>;
/** Which narrow roles get the facilitator's rights on a part, field or command. */
export type TeamGrant = readonly NarrowRole[];

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
   * The value written must equal this attribute of the writer (SPEC R20): e.g. a card's
   * `city` must be its author's city, as the signed join ticket asserts it. The
   * facilitator, who moderates every side, is exempt.
   */
  readonly mustEqualActor?: ActorAttribute;
  /**
   * The field holds a person's name (a topic's convener): on an anonymous board a participant
   * may leave it empty only, and switching anonymous mode on empties it (SPEC R25).
   */
  readonly personName?: boolean;
  /** Narrow facilitation roles that write this field as the facilitator does (any phase, anyone's). */
  readonly team?: TeamGrant;
  /**
   * Written when the entity is created, never changed after but by the facilitator (a Top
   * five point's group: the picks it holds were counted against that group's budget).
   */
  readonly fixed?: boolean;
  /**
   * A time (ms since epoch) a client sets, that may not be later than the server's clock
   * by more than `CREATED_AHEAD_MS` (`bad-value`): a `createdAt` far in the future would
   * put its entity first for good (the newest translation is the one shown). A past one is
   * fine: an edit made offline hours ago arrives with the time it was made.
   */
  readonly notAhead?: boolean;
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
  /**
   * The facilitator may switch on an approval queue for this part (moderation): new entities
   * of participants then wait for a facilitator instead of entering the board (SPEC R24).
   */
  readonly approval?: boolean;
  /**
   * Narrow facilitation roles that do an action as the facilitator does (any phase, anyone's
   * entity); a field's own `team` decides its writes, else the part's `update`.
   */
  readonly team?: Partial<Record<Action, TeamGrant>>;
  /**
   * Each entity's id is its owner's participant id (one entry per person: the contact book),
   * so nobody creates one under another person's id, which would keep them out of it.
   */
  readonly keyedByOwner?: boolean;
  /**
   * A field whose value each owner holds once in this part (a vote's `target`: one dot per
   * person and project); another entity of theirs with the same value is `limit-reached`.
   */
  readonly oncePerOwner?: string;
  /**
   * An entity whose `field` holds one of `values` (a server-written status: a confirmed
   * match), or without `values` any non-empty string (a task's `carriedTo`), has been
   * decided: from then on only the facilitator changes or deletes it, not its owner nor
   * anyone else (`not-allowed`); the server's update gate reads the value in its document.
   */
  readonly lockedWhen?: { readonly field: string; readonly values?: readonly string[] };
}

/**
 * Who may send a command and when (SPEC R9). `who` reads as for parts: `participant` is
 * anyone but a projector, `facilitator` the facilitator only, `owner` the owner of the
 * entity the command names (and the facilitator), `nobody` no client at all.
 */
export interface CommandRule {
  readonly who: Who;
  /** Phases in which non-facilitators may send it; absent means any phase. */
  readonly phases?: readonly string[];
  /**
   * The entity the command acts on: its part, and the command field holding its id. The
   * entity must exist (`not-found`); for `who: 'owner'` the sender must own it.
   */
  readonly entity?: { readonly part: string; readonly idField: string };
  /** Narrow facilitation roles that send it as the facilitator does. */
  readonly team?: TeamGrant;
}

export interface BoardRules {
  readonly parts: Readonly<Record<string, PartRule>>;
  /** Every command the board accepts, by its `type`; a command not listed is refused. */
  readonly commands: Readonly<Record<string, CommandRule>>;
}

/** Field every collection entity carries: the participant id of its creator. */
export const OWNER_FIELD = 'owner';
export const CREATED_FIELD = 'createdAt';

/**
 * How far ahead of the server's clock a client's `createdAt` may be (FieldRule.notAhead).
 * Clients write it in server time (their measured clock offset), so this only covers a
 * device that has not measured it yet and whose clock runs a little fast.
 */
export const CREATED_AHEAD_MS = 10 * 60_000;

/** The fields every collection entity carries, to spread into a part's fields. */
export const ENTITY_FIELDS = {
  [OWNER_FIELD]: { type: 'string', max: 64 },
  [CREATED_FIELD]: { type: 'number', notAhead: true },
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
  // What the command acted on changed since the sender saw it (a press that waited offline):
  'changed',
  // Polls (SPEC R26):
  'closed',
  'bad-option',
  'too-many-choices',
  // A facilitator link whose role (note-taker, table host) does not grant this:
  'not-your-role',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason; detail?: string };

export const ALLOW: Verdict = Object.freeze({ ok: true });
export const refuse = (reason: RefusalReason, detail?: string): Verdict => ({
  ok: false,
  reason,
  ...(detail === undefined ? {} : { detail }),
});

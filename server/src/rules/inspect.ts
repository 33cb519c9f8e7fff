import * as Y from 'yjs';
import {
  actsAsFacilitator,
  checkAccess,
  CREATED_AHEAD_MS,
  ENTITY_ID_RE,
  OWNER_FIELD,
  refuse,
  type Actor,
  type BoardRules,
  type FieldRule,
  type ModerationGuard,
  type PartRule,
  type Touch,
  type Verdict,
} from '@twinspace/shared';
import {
  BadShape,
  isNew,
  type SharedType,
  readEffect,
  type Change,
  type Effect,
} from './effect.ts';
import { StagingCopy } from './staging.ts';
import { checkContent, checkSequenceItem, exactType } from './values.ts';

export interface InspectInput {
  rules: BoardRules;
  actor: Actor;
  phase: string;
  /** The participant a Yjs clientID is bound to, if any (SPEC R7). */
  clientOwner(clientId: number): string | undefined;
  /** How many clientIDs are bound to this participant already. */
  clientCount(participantId: string): number;
  /** Most clientIDs one participant may bind (SPEC R7). */
  maxClientIds: number;
  /** Bytes the board may still grow by (SPEC R17). */
  bytesLeft: number;
  /** The server's clock (ms), for times a client may not set ahead of it (`notAhead`). */
  now: number;
  /** When the board was made (ms): a `notAhead` time may not be before it either. */
  bornAt: number;
  /** Removed participants, hidden ids, approval queues (SPEC R22-R24), from the real document. */
  moderation?: ModerationGuard;
}

/**
 * `counted`: the verdict rests on a count of what the sender owns on the board (a part's
 * `maxPerOwner` or `oncePerOwner`, SPEC R6; clientIDs bound, R18). Scaled out, such a count
 * is exact only on a document caught up with the log under the board's mutex (R41).
 */
export type Inspection =
  (Verdict & { ok: false }) | { ok: true; newClients: number[]; empty: boolean; counted: boolean };

/** Longest text (characters) or list (entries) when a field declares no max. */
const SEQUENCE_MAX = 20_000;

class Refusal extends Error {
  constructor(readonly verdict: Verdict & { ok: false }) {
    super(verdict.reason);
  }
}
const fail = (...args: Parameters<typeof refuse>): never => {
  throw new Refusal(refuse(...args) as Verdict & { ok: false });
};

/**
 * The gate every client update passes (SPEC R1-R7, R16): the update is integrated into a
 * staging copy of the board by Yjs itself, and what it changed there (every map key whose
 * visible value changed, every sequence that changed, every new clientID) is judged against
 * the rule model. Never throws: bad bytes are a refusal, and a refused update leaves the
 * board's document untouched.
 */
export class UpdateGate {
  private readonly staging: StagingCopy;

  constructor(
    private readonly doc: Y.Doc,
    rules: BoardRules,
  ) {
    this.staging = new StagingCopy(doc, Object.keys(rules.parts));
  }

  inspect(update: Uint8Array, input: InspectInput): Inspection {
    let verdict: Inspection | 'pending';
    try {
      verdict = this.staging.stage(update, (tr, copy) => {
        const effect = readEffect(tr, copy, this.doc);
        if (effect.empty) return { ok: true, newClients: [], empty: true, counted: false };
        if (effect.advanced.size > 0 && update.byteLength > input.bytesLeft) fail('board-full');
        return new Judge(tr, input).run(effect);
      });
    } catch (err) {
      if (err instanceof Refusal) return err.verdict;
      if (err instanceof BadShape) return refuse('unsupported-content', err.message) as Inspection;
      return refuse('malformed-update', String(err)) as Inspection;
    }
    if (verdict === 'pending') return refuse('missing-dependencies') as Inspection;
    if (!verdict.ok) this.staging.discard();
    return verdict;
  }

  /**
   * After an accepted inspection, the update is not applied now (it waits to be judged
   * again under the board's mutex, R41): the staging copy drops it.
   */
  withdraw(): void {
    this.staging.discard();
  }

  /** After an accepted inspection: the real document integrates the update (as `origin`). */
  absorb(update: Uint8Array, origin?: unknown): void {
    this.staging.absorb(update, origin);
  }

  destroy(): void {
    this.staging.destroy();
  }
}

/** Reads the owner field of an entity map (real document or staging copy). */
function ownerOf(map: SharedType | null): string | undefined {
  const item = map?._map.get(OWNER_FIELD);
  if (!item || item.deleted || !(item.content instanceof Y.ContentAny)) return undefined;
  const value: unknown = item.content.arr[0];
  return typeof value === 'string' ? value : undefined;
}

class Judge {
  private readonly touches = new Map<string, Touch>();
  private readonly createdPerPart = new Map<string, number>();
  /** Parts with `oncePerOwner` this update created or changed entities in. */
  private readonly oncePerOwner = new Set<string>();
  /** Whether a per-owner count decided (Inspection.counted). */
  private counted = false;

  constructor(
    private readonly tr: Y.Transaction,
    private readonly input: InspectInput,
  ) {}

  run(effect: Effect): Inspection {
    if (this.input.actor.role === 'projector') fail('read-only-role');
    const mod = this.input.moderation?.actor;
    if (mod && !mod.ok) throw new Refusal(mod);
    const newClients = this.checkClients(effect.advanced);
    for (const change of effect.changes) this.change(change);
    this.checkLimits();
    for (const touch of this.touches.values()) {
      const verdict = checkAccess(this.input.rules, this.input.actor, this.input.phase, touch);
      if (!verdict.ok) throw new Refusal(verdict);
    }
    return { ok: true, newClients, empty: false, counted: this.counted };
  }

  /** SPEC R7: every clientID that gained content is the sender's, or new and now theirs. */
  private checkClients(advanced: Map<number, number>): number[] {
    const me = this.input.actor.participantId;
    const fresh: number[] = [];
    for (const [client, before] of advanced) {
      const owner = this.input.clientOwner(client);
      if (owner !== undefined && owner !== me) fail('foreign-client-id');
      if (owner === undefined && before > 0) fail('foreign-client-id');
      if (owner === undefined) fresh.push(client);
    }
    this.counted ||= fresh.length > 0;
    if (fresh.length > 0 && this.input.clientCount(me) + fresh.length > this.input.maxClientIds) {
      fail('limit-reached', 'too many connections for one participant');
    }
    return fresh;
  }

  /** The facilitator's rights on this touch (a team role's where the rules grant it). */
  private powers(touch: Touch): boolean {
    return actsAsFacilitator(this.input.rules, this.input.actor, touch);
  }

  private part(name: string): PartRule {
    return this.input.rules.parts[name] ?? fail('unknown-part', name);
  }

  private touch(t: Touch, entity = ''): void {
    this.touches.set(`${t.part}|${t.action}|${entity}|${t.field ?? ''}`, t);
  }

  private change(c: Change): void {
    const [partName, ...keys] = c.path as [string, ...string[]];
    const part = this.part(partName);
    const depth = part.kind === 'collection' ? keys.length - 1 : keys.length;
    if (part.kind === 'collection' && keys.length === 0) {
      if (c.kind !== 'key') return fail('unsupported-content', 'collections are maps');
      return this.entityChange(partName, part, c.key, c.before, c.after);
    }
    if (depth === 0 && c.kind === 'key') {
      const owner = part.kind === 'collection' ? ownerOf(c.realMap) : undefined;
      if (part.kind === 'collection') this.checkLock(partName, part, c.realMap, 'update', c.key);
      return this.fieldChange(partName, part, owner, keys[0] ?? '', c.key, c.after);
    }
    if (depth === 1 && c.kind === 'sequence') {
      const field = keys[keys.length - 1]!;
      const entity = c.realType?._item?.parent as SharedType | undefined;
      const owner = part.kind === 'collection' ? ownerOf(entity ?? null) : undefined;
      const entityId = part.kind === 'collection' ? keys[0]! : '';
      if (part.kind === 'collection')
        this.checkLock(partName, part, entity ?? null, 'update', field);
      return this.sequenceChange(partName, part, owner, entityId, field, c.type, c.added);
    }
    fail('unsupported-content', `${c.path.join('.')}: not a place for this content`);
  }

  /** An entity its part's `lockedWhen` says is decided: the facilitator's alone. */
  private checkLock(
    partName: string,
    part: PartRule,
    entity: SharedType | null,
    action: 'update' | 'delete',
    field?: string,
  ): void {
    const lock = part.lockedWhen;
    if (!lock || !entity) return;
    const item = entity._map.get(lock.field);
    if (!item || item.deleted || !(item.content instanceof Y.ContentAny)) return;
    const value: unknown = item.content.arr[0];
    if (typeof value !== 'string' || value === '') return;
    if (lock.values && !lock.values.includes(value)) return;
    const touch =
      field === undefined ? { part: partName, action } : { part: partName, action, field };
    if (!this.powers(touch)) fail('not-allowed', `${partName}: ${value}, the facilitator's now`);
  }

  /** A key of a collection: an entity created, deleted or replaced (delete + create). */
  private entityChange(
    partName: string,
    part: PartRule,
    id: string,
    before: Y.Item | null,
    after: Y.Item | null,
  ): void {
    if (before) {
      const entity = before.content instanceof Y.ContentType ? before.content.type : null;
      const owner = entity ? ownerOf(entity) : '';
      this.checkLock(partName, part, entity, 'delete');
      this.touch({ part: partName, action: 'delete', owner }, id);
    }
    if (!after) return;
    if (!isNew(this.tr, after)) fail('malformed-update', 'an old value came back');
    if (!ENTITY_ID_RE.test(id)) fail('bad-id', id);
    const map = after.content instanceof Y.ContentType ? after.content.type : null;
    if (!map || !exactType(map, 'map')) fail('bad-value', 'an entity is a map');
    const me = this.input.actor.participantId;
    if (ownerOf(map) !== me) fail('owner-forged');
    if (part.keyedByOwner && id !== me) fail('owner-forged', `a ${partName} entry is its owner's`);
    if (map!._start !== null) fail('unsupported-content', 'an entity holds fields only');
    const moderated = this.input.moderation?.create(partName, id);
    if (moderated && !moderated.ok) throw new Refusal(moderated);
    this.touch({ part: partName, action: 'create', owner: me }, id);
    this.createdPerPart.set(partName, (this.createdPerPart.get(partName) ?? 0) + 1);
    if (part.oncePerOwner !== undefined) this.oncePerOwner.add(partName);
    for (const [field, item] of map!._map) {
      if (item.deleted) continue;
      const rule = part.fields[field] ?? fail('unknown-field', field);
      this.checkValue(partName, field, rule, item);
      if (field !== OWNER_FIELD)
        this.touch({ part: partName, action: 'update', field, owner: me }, id);
    }
  }

  /** A field of a record, or of an existing entity: set, replaced or removed. */
  private fieldChange(
    partName: string,
    part: PartRule,
    owner: string | undefined,
    entity: string,
    field: string,
    after: Y.Item | null,
  ): void {
    const rule = part.fields[field] ?? fail('unknown-field', `${partName}.${field}`);
    if (part.kind === 'collection' && field === OWNER_FIELD) fail('owner-immutable');
    if (part.oncePerOwner === field) this.oncePerOwner.add(partName);
    if (rule.fixed && !this.powers({ part: partName, action: 'update', field }))
      fail('not-allowed', `${partName}.${field} is set when it is created`);
    this.touch({ part: partName, action: 'update', field, owner }, entity);
    if (!after) return;
    if (!isNew(this.tr, after)) fail('malformed-update', 'an old value came back');
    this.checkValue(partName, field, rule, after);
  }

  /** Characters of a text or entries of a list, added or removed. */
  private sequenceChange(
    partName: string,
    part: PartRule,
    owner: string | undefined,
    entity: string,
    field: string,
    type: SharedType,
    added: Y.Item[],
  ): void {
    const rule = part.fields[field] ?? fail('unknown-field', `${partName}.${field}`);
    this.touch({ part: partName, action: 'update', field, owner }, entity);
    this.checkSequence(field, rule, type, added);
  }

  /** A value this update wrote into a field: its type, size and binding (R6, R20). */
  private checkValue(partName: string, field: string, rule: FieldRule, item: Y.Item): void {
    const problem = checkContent(rule, item.content);
    if (problem !== null) fail('bad-value', `${field}: ${problem}`);
    if (item.content instanceof Y.ContentType) {
      const type = item.content.type as SharedType;
      if (type._map.size > 0) fail('unsupported-content', `${field}: no attributes`);
      const items: Y.Item[] = [];
      for (let it = type._start; it !== null; it = it.right) if (!it.deleted) items.push(it);
      this.checkSequence(field, rule, type, items);
    }
    if (rule.notAhead) {
      const value: unknown = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
      if (typeof value === 'number' && value > this.input.now + CREATED_AHEAD_MS)
        fail('bad-value', `${field}: ahead of the server's clock`);
      // Nor before the board existed: lists run oldest first, so that would put it first.
      if (typeof value === 'number' && value < this.input.bornAt - CREATED_AHEAD_MS)
        fail('bad-value', `${field}: before the board was made`);
    }
    if (rule.personName && this.input.moderation?.anonymous) {
      const value: unknown = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
      if (value !== '') fail('not-allowed', `${field}: names are hidden on this board`);
    }
    const bound = rule.mustEqualActor;
    // The facilitator (and a team role the field grants) moderates every side: exempt.
    if (bound !== undefined && !this.powers({ part: partName, action: 'update', field })) {
      const value: unknown = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
      const expected = this.input.actor[bound];
      if (expected === undefined || value !== expected) {
        fail('not-allowed', `${field} must be your ${bound}`);
      }
    }
  }

  private checkSequence(field: string, rule: FieldRule, type: SharedType, added: Y.Item[]): void {
    if (!exactType(type, rule.type === 'text' ? 'text' : rule.type === 'list' ? 'list' : null)) {
      fail('unsupported-content', `${field} holds no sequence`);
    }
    for (const item of added) {
      const problem = checkSequenceItem(rule, item.content);
      if (problem !== null) fail('bad-value', `${field}: ${problem}`);
    }
    const max = rule.max ?? SEQUENCE_MAX;
    if (added.length > 0 && type._length > max) {
      fail('too-long', `${field}: at most ${max}`);
    }
  }

  /**
   * Per-owner limits of parts (maxPerOwner, oncePerOwner), counted on the staging copy.
   * `keyedByOwner` needs no count: an owner's entry lives under their own id, and two
   * creates of one key, even on two processes at once, leave one entry (one value a key).
   */
  private checkLimits(): void {
    const me = this.input.actor.participantId;
    for (const partName of this.createdPerPart.keys()) {
      if (this.powers({ part: partName, action: 'create' })) continue;
      const max = this.part(partName).maxPerOwner;
      if (max === undefined) continue;
      this.counted = true;
      // Counted on the staging copy: the board as it would be with this update.
      let owned = 0;
      this.tr.doc.getMap<unknown>(partName).forEach((entity) => {
        if (entity instanceof Y.Map && entity.get(OWNER_FIELD) === me) owned++;
      });
      if (owned > max) fail('limit-reached', `${partName}: at most ${max}`);
    }
    for (const partName of this.oncePerOwner) {
      if (this.powers({ part: partName, action: 'create' })) continue;
      const field = this.part(partName).oncePerOwner!;
      this.counted = true;
      const seen = new Set<unknown>();
      this.tr.doc.getMap<unknown>(partName).forEach((entity) => {
        if (!(entity instanceof Y.Map) || entity.get(OWNER_FIELD) !== me) return;
        const value: unknown = entity.get(field);
        if (seen.has(value)) fail('limit-reached', `${partName}: one per ${field}`);
        seen.add(value);
      });
    }
  }
}

import * as Y from 'yjs';
import {
  checkAccess,
  ENTITY_ID_RE,
  OWNER_FIELD,
  refuse,
  type Actor,
  type ActorAttribute,
  type BoardRules,
  type PartRule,
  type Touch,
  type Verdict,
} from '@twinspace/shared';
import {
  Gone,
  Locator,
  MalformedStructure,
  MissingDependency,
  UpdateIndex,
  type Located,
} from './locate.ts';
import { checkContent } from './values.ts';

export interface InspectInput {
  doc: Y.Doc;
  rules: BoardRules;
  actor: Actor;
  phase: string;
  /** The participant a Yjs clientID is bound to, if any (SPEC R7). */
  clientOwner(clientId: number): string | undefined;
}

export type Inspection =
  (Verdict & { ok: false }) | { ok: true; newClients: number[]; empty: boolean };

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

class Refusal extends Error {
  constructor(readonly verdict: Verdict & { ok: false }) {
    super(verdict.reason);
  }
}
const fail = (...args: Parameters<typeof refuse>): never => {
  throw new Refusal(refuse(...args) as Verdict & { ok: false });
};

/**
 * Decides whether a client's Yjs update may be applied (SPEC R1-R7): decodes it without
 * touching the document, locates every inserted and deleted item in the board layout,
 * and asks the rule model about each. Never throws: bad bytes are a refusal.
 */
export function inspectUpdate(update: Uint8Array, input: InspectInput): Inspection {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('malformed-update') as Inspection;
  }
  const { structs, ds } = decoded;
  if (structs.length === 0 && ds.clients.size === 0)
    return { ok: true, newClients: [], empty: true };
  try {
    if (input.actor.role === 'projector') fail('read-only-role');
    const newClients = checkClients(structs, input);
    new Inspector(input, structs).run(ds);
    return { ok: true, newClients, empty: false };
  } catch (err) {
    if (err instanceof Refusal) return err.verdict;
    if (err instanceof MissingDependency)
      return refuse('missing-dependencies', err.message) as Inspection;
    if (err instanceof MalformedStructure)
      return refuse('malformed-update', err.message) as Inspection;
    return refuse('malformed-update', String(err)) as Inspection;
  }
}

/** Every struct must come from a clientID of the sender, starting where the server is. */
function checkClients(structs: readonly (Y.Item | Y.GC | Y.Skip)[], input: InspectInput): number[] {
  const fresh = new Set<number>();
  const expected = new Map<number, number>();
  for (const s of structs) {
    if (s instanceof Y.Skip) fail('missing-dependencies', 'gap in update');
    const client = s.id.client;
    const owner = input.clientOwner(client);
    if (owner !== undefined && owner !== input.actor.participantId) fail('foreign-client-id');
    if (owner === undefined) fresh.add(client);
    const next = expected.get(client) ?? Y.getState(input.doc.store, client);
    if (s.id.clock > next) fail('missing-dependencies', 'clock gap');
    expected.set(client, Math.max(next, s.id.clock + s.length));
  }
  for (const client of fresh) {
    // An unbound clientID that already has content belongs to someone else (or to the server).
    if (Y.getState(input.doc.store, client) > 0) fail('foreign-client-id');
  }
  return [...fresh];
}

class Inspector {
  private readonly index: UpdateIndex;
  private readonly locator: Locator;
  private readonly touches = new Map<string, Touch>();
  /** Entities created by this update: entity item -> owner it declares. */
  private readonly created = new Map<Y.Item, { part: string; owner: unknown }>();

  constructor(
    private readonly input: InspectInput,
    private readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    this.index = new UpdateIndex(structs);
    this.locator = new Locator(input.doc, this.index);
  }

  run(ds: DeleteSet): void {
    const inserted: Located[] = [];
    for (const s of this.structs) {
      if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue;
      if (s.id.clock + s.length <= Y.getState(this.input.doc.store, s.id.client)) continue;
      const loc = this.locateOrSkip(s);
      if (!loc) continue;
      inserted.push(loc);
      this.noteCreation(loc);
    }
    for (const loc of inserted) this.checkInsert(loc);
    this.checkDeletes(ds);
    this.checkLimits();
    for (const touch of this.touches.values()) {
      const verdict = checkAccess(this.input.rules, this.input.actor, this.input.phase, touch);
      if (!verdict.ok) throw new Refusal(verdict);
    }
  }

  /** Items attached to collected content are discarded by Yjs: they need no check. */
  private locateOrSkip(item: Y.Item): Located | null {
    try {
      return this.locator.locate(item);
    } catch (err) {
      if (err instanceof Gone) return null;
      throw err;
    }
  }

  private part(name: string): PartRule {
    return this.input.rules.parts[name] ?? fail('unknown-part', name);
  }

  private touch(t: Touch, entity = ''): void {
    this.touches.set(`${t.part}|${t.action}|${entity}|${t.field ?? ''}`, t);
  }

  private noteCreation({ keys, items }: Located): void {
    const part = this.part(keys[0]!);
    if (part.kind !== 'collection' || keys.length !== 2) return;
    const item = items[0]!;
    if (keys[1] === '#') fail('unsupported-content', 'collections are maps');
    if (!ENTITY_ID_RE.test(keys[1]!)) fail('bad-id', keys[1]);
    if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) {
      fail('bad-value', 'an entity is a map');
    }
    this.created.set(item, { part: keys[0]!, owner: undefined });
  }

  private checkInsert({ keys, items }: Located): void {
    const partName = keys[0]!;
    const part = this.part(partName);
    const item = items[items.length - 1]!;
    if (part.kind === 'collection') {
      if (keys.length === 2) return; // the entity itself: checked in checkLimits with its owner
      const entity = items[0]!;
      const field = keys[2]!;
      const creation = this.created.get(entity);
      if (creation && field === OWNER_FIELD && keys.length === 3) {
        creation.owner = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
      }
      this.checkField(part, field, item, keys.length > 3 ? keys.length - 3 : 0);
      if (creation && field === OWNER_FIELD) return;
      this.touch({ part: partName, action: 'update', field, owner: this.ownerOf(entity) }, keys[1]);
    } else {
      if (keys[1] === '#') fail('unsupported-content', 'records are maps');
      this.checkField(part, keys[1]!, item, keys.length > 2 ? keys.length - 2 : 0);
      this.touch({ part: partName, action: 'update', field: keys[1]! });
    }
  }

  private checkField(part: PartRule, field: string, item: Y.Item, depthInField: number): void {
    const rule = part.fields[field] ?? fail('unknown-field', field);
    if (depthInField > 1) fail('unsupported-content', 'too deep inside a field');
    const problem = checkContent(rule, item.content, depthInField === 1);
    if (problem !== null) fail('bad-value', `${field}: ${problem}`);
    if (rule.mustEqualActor !== undefined && depthInField === 0) {
      this.checkActorBound(field, rule.mustEqualActor, item);
    }
  }

  /** SPEC R15: a field bound to an attribute of its writer (a card's city is its author's). */
  private checkActorBound(field: string, attribute: ActorAttribute, item: Y.Item): void {
    const { actor } = this.input;
    if (actor.role === 'facilitator' || item.content instanceof Y.ContentDeleted) return;
    const value: unknown = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
    const expected = actor[attribute];
    if (expected === undefined || value !== expected) {
      fail('not-allowed', `${field} must be your ${attribute}`);
    }
  }

  private ownerOf(entity: Y.Item): string | undefined {
    const creation = this.created.get(entity);
    if (creation) return typeof creation.owner === 'string' ? creation.owner : undefined;
    if (!(entity.content instanceof Y.ContentType)) return undefined;
    const owner = (entity.content.type as Y.Map<unknown>).get(OWNER_FIELD);
    return typeof owner === 'string' ? owner : undefined;
  }

  private checkDeletes(ds: DeleteSet): void {
    const deleted: Y.Item[] = [];
    for (const [client, ranges] of ds.clients) {
      for (const range of ranges)
        this.collectDeleted(client, range.clock, range.clock + range.len, deleted);
    }
    const set = new Set(deleted);
    for (const item of deleted) {
      const loc = this.locateOrSkip(item);
      if (!loc) continue;
      const { keys, items } = loc;
      // Deleting an entity deletes its fields too; only the outermost deletion counts.
      if (items.slice(0, -1).some((ancestor) => set.has(ancestor))) continue;
      this.touchDeletion(keys, items);
    }
  }

  private touchDeletion(keys: string[], items: Y.Item[]): void {
    const partName = keys[0]!;
    const part = this.part(partName);
    if (part.kind === 'record') {
      this.touch({ part: partName, action: 'update', field: keys[1]! });
    } else if (keys.length === 2) {
      this.touch({ part: partName, action: 'delete', owner: this.ownerOf(items[0]!) }, keys[1]);
    } else {
      this.touch(
        { part: partName, action: 'update', field: keys[2]!, owner: this.ownerOf(items[0]!) },
        keys[1],
      );
    }
  }

  private collectDeleted(client: number, from: number, to: number, out: Y.Item[]): void {
    const known = Y.getState(this.input.doc.store, client);
    let clock = from;
    while (clock < to) {
      const struct = this.locator.findStruct(new Y.ID(client, clock));
      if (!struct) {
        return clock >= known
          ? fail('missing-dependencies', 'deleting unknown content')
          : fail('malformed-update', 'delete range inside nothing');
      }
      // Collected (GC) content is deleted already, and content this very update adds
      // and removes (offline create-then-delete) changes nothing that exists.
      if (struct instanceof Y.Item && !struct.deleted && this.index.find(struct.id) !== struct)
        out.push(struct);
      clock = struct.id.clock + struct.length;
    }
  }

  private checkLimits(): void {
    const perPart = new Map<string, number>();
    for (const [entity, { part, owner }] of this.created) {
      if (owner !== this.input.actor.participantId) fail('owner-forged');
      this.touch(
        { part, action: 'create', owner: this.input.actor.participantId },
        entity.parentSub ?? '',
      );
      perPart.set(part, (perPart.get(part) ?? 0) + 1);
    }
    for (const [partName, added] of perPart) {
      const max = this.part(partName).maxPerOwner;
      if (max === undefined || this.input.actor.role === 'facilitator') continue;
      let owned = 0;
      this.input.doc.getMap<Y.Map<unknown>>(partName).forEach((e) => {
        if (e instanceof Y.Map && e.get(OWNER_FIELD) === this.input.actor.participantId) owned++;
      });
      if (owned + added > max) fail('limit-reached', `${partName}: at most ${max}`);
    }
  }
}

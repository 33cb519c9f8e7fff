import * as Y from 'yjs';

/**
 * What an update did to the board, read from Yjs's transaction after it integrated the
 * update into the staging copy (SPEC R16). Three kinds of change cover everything Yjs can
 * make visible: a map key whose visible value is another one than before (set, replaced,
 * deleted, by any struct: a ContentDeleted winner, an item placed before or after
 * another's, a GC'd parent), and a sequence (text or list) whose items changed.
 */
export type Change =
  | {
      kind: 'key';
      /** Keys from the root down to the map that holds `key` (the root name first). */
      path: string[];
      key: string;
      /** The map in the real document (the state before), null if the map is not there. */
      realMap: SharedType | null;
      /** The visible item before, in the real document. */
      before: Y.Item | null;
      /** The visible item after, in the staging copy. */
      after: Y.Item | null;
    }
  | {
      kind: 'sequence';
      path: string[];
      realType: SharedType | null;
      type: SharedType;
      /** Items of this update now in the sequence (visible ones). */
      added: Y.Item[];
    };

/** Any Yjs shared type, as Yjs's own transaction types it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SharedType = Y.AbstractType<any>;

export class BadShape extends Error {}

const MAX_DEPTH = 6;

export interface Effect {
  changes: Change[];
  /** Clients whose state advanced: clientID -> clock before. */
  advanced: Map<number, number>;
  /** Whether anything at all was added or deleted (else the update is a no-op). */
  empty: boolean;
}

const visible = (item: Y.Item | undefined | null): Y.Item | null =>
  item && !item.deleted ? item : null;

/** Whether the item was added by this transaction. */
export const isNew = (tr: Y.Transaction, item: Y.Item): boolean =>
  item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

export function readEffect(tr: Y.Transaction, copy: Y.Doc, real: Y.Doc): Effect {
  const advanced = new Map<number, number>();
  for (const [client, structs] of copy.store.clients) {
    const before = tr.beforeState.get(client) ?? 0;
    const last = structs[structs.length - 1]!;
    if (last.id.clock + last.length > before) advanced.set(client, before);
  }
  const empty = advanced.size === 0 && tr.deleteSet.clients.size === 0;
  if (empty) return { changes: [], advanced, empty };
  const reader = new EffectReader(tr, copy, real);
  const added = reader.addedByParent(advanced);
  const changes: Change[] = [];
  for (const [type, keys] of tr.changed) {
    const path = reader.pathOf(type);
    const realType = reader.counterpart(type);
    for (const key of keys) {
      if (key === null) {
        changes.push({ kind: 'sequence', path, realType, type, added: added.get(type) ?? [] });
        continue;
      }
      const before = realType ? visible(realType._map.get(key)) : null;
      const after = visible(type._map.get(key));
      if (before?.id.client === after?.id.client && before?.id.clock === after?.id.clock) continue;
      changes.push({ kind: 'key', path, key, realMap: realType, before, after });
    }
  }
  return { changes, advanced, empty };
}

/**
 * Root type -> name per staging copy, kept between updates: it is read for every update,
 * and a board kind has dozens of roots. A type it does not know (a root added since, or
 * replaced by a typed one) rebuilds it once from the copy.
 */
const rootNamesOf = new WeakMap<Y.Doc, Map<SharedType, string>>();

class EffectReader {
  constructor(
    private readonly tr: Y.Transaction,
    private readonly copy: Y.Doc,
    private readonly real: Y.Doc,
  ) {}

  private rootName(type: SharedType): string | undefined {
    const known = rootNamesOf.get(this.copy)?.get(type);
    if (known !== undefined) return known;
    const names = new Map<SharedType, string>();
    for (const [name, root] of this.copy.share) names.set(root, name);
    rootNamesOf.set(this.copy, names);
    return names.get(type);
  }

  /** Keys from the root to `type`: ['topics', '<id>', 'notes'] ('#' inside a sequence). */
  pathOf(type: SharedType): string[] {
    const keys: string[] = [];
    let current = type;
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const item = current._item;
      if (item === null) {
        const root = this.rootName(current);
        if (root === undefined) throw new BadShape('detached type');
        return [root, ...keys.reverse()];
      }
      keys.push(item.parentSub ?? '#');
      current = item.parent as SharedType;
    }
    throw new BadShape('document too deep');
  }

  /** The same type in the real document (by the id of the item holding it). */
  counterpart(type: SharedType): SharedType | null {
    const item = type._item;
    if (item === null) {
      const name = this.rootName(type);
      return name === undefined ? null : (this.real.share.get(name) ?? null);
    }
    if (isNew(this.tr, item)) return null;
    const structs = this.real.store.clients.get(item.id.client);
    if (!structs) return null;
    const found = structs[Y.findIndexSS(structs, item.id.clock)];
    return found instanceof Y.Item && found.content instanceof Y.ContentType
      ? (found.content.type as SharedType)
      : null;
  }

  /** Visible items this update put into sequences, by the type that holds them. */
  addedByParent(advanced: Map<number, number>): Map<SharedType, Y.Item[]> {
    const out = new Map<SharedType, Y.Item[]>();
    for (const [client, before] of advanced) {
      const structs = this.tr.doc.store.clients.get(client)!;
      const first = before === 0 ? 0 : Y.findIndexSS(structs, before);
      for (let i = first; i < structs.length; i++) {
        const s = structs[i];
        if (!(s instanceof Y.Item) || s.deleted || s.parentSub !== null) continue;
        const parent = s.parent as SharedType;
        const list = out.get(parent) ?? [];
        list.push(s);
        out.set(parent, list);
      }
    }
    return out;
  }
}

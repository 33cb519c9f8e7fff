import * as Y from 'yjs';

/**
 * Finds where a struct lives in the board document: the path of keys from a root type
 * down to the item ('#' for a position in a sequence). Items of the incoming update
 * may omit their parent (Yjs encodes only origin then), so the parent is resolved
 * through the origin, in the update itself or in the server's document.
 */
export interface Located {
  /** Root name, then the key at each depth ('#' inside a sequence). */
  keys: string[];
  /** The item at each depth below the root: items[0] holds keys[1], the last is the item itself. */
  items: Y.Item[];
}

interface Parent {
  parent: string | Y.Item;
  sub: string | null;
}

export class MissingDependency extends Error {}
/** The item hangs off garbage-collected content: Yjs will discard it, so it changes nothing. */
export class Gone extends Error {}
export class MalformedStructure extends Error {}

const MAX_DEPTH = 8;
const MAX_ORIGIN_CHAIN = 1_000_000;

export class UpdateIndex {
  private readonly byClient = new Map<number, (Y.Item | Y.GC)[]>();

  constructor(structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
  }

  find(id: Y.ID): Y.Item | Y.GC | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    return list.find((it) => id.clock >= it.id.clock && id.clock < it.id.clock + it.length);
  }
}

export class Locator {
  private readonly rootNames = new Map<object, string>();
  private readonly cache = new Map<Y.Item, Located>();
  private readonly parents = new Map<Y.Item, Parent>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly index: UpdateIndex,
  ) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
  }

  /** A struct of the update or of the server's document, by any clock inside it. */
  findStruct(id: Y.ID): Y.Item | Y.GC | undefined {
    const fromUpdate = this.index.find(id);
    if (fromUpdate) return fromUpdate;
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || structs.length === 0) return undefined;
    const last = structs[structs.length - 1]!;
    if (id.clock >= last.id.clock + last.length) return undefined;
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    return struct instanceof Y.Item || struct instanceof Y.GC ? struct : undefined;
  }

  /** An item to hang another one off; throws Gone for collected content. */
  findItem(id: Y.ID): Y.Item | undefined {
    const struct = this.findStruct(id);
    if (struct instanceof Y.GC) throw new Gone('collected');
    return struct;
  }

  locate(item: Y.Item, depth = 0): Located {
    const cached = this.cache.get(item);
    if (cached) return cached;
    if (depth > MAX_DEPTH) throw new MalformedStructure('document too deep');
    const { parent, sub } = this.parentOf(item);
    const key = sub ?? '#';
    let result: Located;
    if (typeof parent === 'string') {
      result = { keys: [parent, key], items: [item] };
    } else {
      const up = this.locate(parent, depth + 1);
      result = { keys: [...up.keys, key], items: [...up.items, item] };
    }
    this.cache.set(item, result);
    return result;
  }

  /** The parent: a root name, or the item that holds the parent type. */
  private parentOf(item: Y.Item): Parent {
    const visited: Y.Item[] = [];
    const found = this.walkToParent(item, visited);
    for (const v of visited) this.parents.set(v, found);
    return found;
  }

  private walkToParent(item: Y.Item, visited: Y.Item[]): Parent {
    // Yjs omits parent and key when an origin is known; they are the origin's. The
    // chain can be long (many inserts in one update), so it is walked, not recursed,
    // and every item on it remembers the answer.
    let current = item;
    for (let steps = 0; steps < MAX_ORIGIN_CHAIN; steps++) {
      const known = this.parents.get(current);
      if (known) return known;
      visited.push(current);
      const p = current.parent as unknown;
      if (typeof p === 'string') return { parent: p, sub: current.parentSub };
      if (p instanceof Y.AbstractType) {
        const root = this.rootNames.get(p);
        if (root !== undefined) return { parent: root, sub: current.parentSub };
        if (!p._item) throw new MalformedStructure('detached type');
        return { parent: p._item, sub: current.parentSub };
      }
      if (p instanceof Y.ID) {
        const holder = this.findItem(p);
        if (!holder) throw new MissingDependency('parent not found');
        if (!(holder.content instanceof Y.ContentType))
          throw new MalformedStructure('parent is not a type');
        return { parent: holder, sub: current.parentSub };
      }
      const originId = current.origin ?? current.rightOrigin;
      if (!originId) throw new MalformedStructure('item without parent or origin');
      const origin = this.findItem(originId);
      if (!origin) throw new MissingDependency('origin not found');
      if (origin === current) throw new MalformedStructure('item is its own origin');
      current = origin;
    }
    throw new MalformedStructure('origin chain too long');
  }
}

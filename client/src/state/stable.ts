/**
 * The one way the stores keep object identity across document reads: every reader builds
 * fresh objects on every update, but whatever did not change keeps its old object, so React
 * (memo) and zustand selectors re-render only what changed. Every store's setter goes
 * through `keepUnchanged` (or `mergeStable`, its indexed form for the card list).
 */
export interface Keyed {
  readonly id: string;
}

/** Equal when every field is identical; arrays, maps and plain objects compared by content. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([k, v]) => sameValue(v, b.get(k)));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return (
    keys.length === Object.keys(rb).length && keys.every((k) => k in rb && sameValue(ra[k], rb[k]))
  );
}

/**
 * The next value of a part: the previous one if it reads the same; for a list of entities,
 * the previous object of every entity that did not change (matched by id).
 */
export function keepUnchanged<T>(prev: T, next: T): T {
  if (sameValue(prev, next)) return prev;
  if (!Array.isArray(prev) || !Array.isArray(next)) return next;
  const old = new Map((prev as Partial<Keyed>[]).map((item) => [item.id, item]));
  const kept = (next as Partial<Keyed>[]).map((item) => {
    const before = old.get(item.id);
    return before !== undefined && sameValue(before, item) ? before : item;
  });
  return kept as T;
}

/** A list indexed by id, for selectors that read one item (a card) without the whole list. */
export interface StableList<T extends Keyed> {
  readonly ids: readonly string[];
  readonly byId: Readonly<Record<string, T>>;
}

export const EMPTY_LIST: StableList<never> = { ids: [], byId: {} };

/** `keepUnchanged` for an indexed list: the very same list when nothing changed. */
export function mergeStable<T extends Keyed>(
  prev: StableList<T>,
  next: readonly T[],
): StableList<T> {
  const before = prev.ids.flatMap((id) => prev.byId[id] ?? []);
  const items = keepUnchanged<readonly T[]>(before, next);
  if (items === before) return prev;
  const ids = items.map((item) => item.id);
  return {
    ids: sameValue(ids, prev.ids) ? prev.ids : ids,
    byId: Object.fromEntries(items.map((item) => [item.id, item])),
  };
}

type Setter<S> = (update: (state: S) => S | Partial<S>) => void;

/** A store's `setPart`: replaces one part through `keepUnchanged`, and nothing if it did not change. */
export const partSetter =
  <S>(set: Setter<S>) =>
  <K extends keyof S>(key: K, value: S[K]): void =>
    set((state) => {
      const next = keepUnchanged(state[key], value);
      if (next === state[key]) return state;
      const patch: Partial<S> = {};
      patch[key] = next;
      return patch;
    });

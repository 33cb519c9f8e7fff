/**
 * Keeping object identity across document reads: readCards() builds fresh objects on every
 * update, but a card that did not change must keep its old object, so React (memo) and
 * zustand selectors re-render only the cards that changed.
 */
export interface Keyed {
  readonly id: string;
}

export interface StableList<T extends Keyed> {
  readonly ids: readonly string[];
  readonly byId: Readonly<Record<string, T>>;
}

export const EMPTY_LIST: StableList<never> = { ids: [], byId: {} };

/** Shallow equality of two plain records (all values are primitives here). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const aKeys = Object.keys(a) as (keyof T)[];
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.is(a[key], b[key]));
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Merges a fresh ordered read into the previous list, reusing unchanged objects. */
export function mergeStable<T extends Keyed>(
  prev: StableList<T>,
  next: readonly T[],
): StableList<T> {
  const byId: Record<string, T> = {};
  let changed = next.length !== prev.ids.length;
  for (const item of next) {
    const old = prev.byId[item.id];
    const keep = old !== undefined && shallowEqual(old, item);
    byId[item.id] = keep ? old : item;
    if (!keep) changed = true;
  }
  const ids = next.map((item) => item.id);
  if (!changed && sameIds(prev.ids, ids)) return prev;
  return { ids: sameIds(prev.ids, ids) ? prev.ids : ids, byId };
}

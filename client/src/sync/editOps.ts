import * as Y from 'yjs';

/**
 * One local transaction as what it did (keys set or deleted, text and list edits), by path
 * from a root of the board's document. Unlike the transaction's Yjs update, an edit can be
 * applied again onto another copy of the board with another clientID: that is how the
 * person's pending edits survive the refusal of one of them (pendingEdits.ts).
 */
type Path = string[];
/** A shared type, tagged; any other value is the plain JSON Yjs stores. */
type Shared =
  { $y: 'map'; e: Record<string, Value> } | { $y: 'text'; s: string } | { $y: 'array'; a: Value[] };
type Value = Shared | null | boolean | number | string | object;
const isShared = (v: unknown): v is Shared =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$y' in v;
type DeltaOp = { insert?: unknown; retain?: number; delete?: number; attributes?: unknown };
export type Change =
  { p: Path; k: string; v?: Value } | { p: Path; text: DeltaOp[] } | { p: Path; list: DeltaOp[] };

/** A shared type this model cannot carry (XML, a subdocument): the edit is not recorded. */
class Unsupported extends Error {}

function toValue(value: unknown): Value {
  if (value instanceof Y.Map) {
    const e: Record<string, Value> = {};
    value.forEach((v: unknown, k: string) => (e[k] = toValue(v)));
    return { $y: 'map', e };
  }
  if (value instanceof Y.Text) return { $y: 'text', s: value.toJSON() };
  if (value instanceof Y.Array) return { $y: 'array', a: value.toArray().map(toValue) };
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) throw new Unsupported();
  return value as Value;
}

function fromValue(value: Value): unknown {
  if (!isShared(value)) return value;
  switch (value.$y) {
    case 'map':
      return new Y.Map(Object.entries(value.e).map(([k, v]) => [k, fromValue(v)]));
    case 'text':
      return new Y.Text(value.s);
    case 'array': {
      const list = new Y.Array<unknown>();
      list.push(value.a.map(fromValue));
      return list;
    }
    default:
      return null;
  }
}

/** The path of a shared type from its root: root name, then map keys. */
function pathOf(doc: Y.Doc, type: Y.AbstractType<unknown>): Path {
  const path: Path = [];
  let current = type;
  while (current._item) {
    const { parentSub, parent } = current._item;
    if (parentSub === null || !(parent instanceof Y.AbstractType)) throw new Unsupported();
    path.unshift(parentSub);
    current = parent as Y.AbstractType<unknown>;
  }
  for (const [name, root] of doc.share) if (root === current) return [name, ...path];
  throw new Unsupported();
}

function changesOf(doc: Y.Doc, event: Y.YEvent<Y.AbstractType<unknown>>): Change[] {
  const target = event.target;
  const p = pathOf(doc, target);
  if (target instanceof Y.Text) return [{ p, text: event.delta as DeltaOp[] }];
  if (target instanceof Y.Array) {
    const list = event.changes.delta.map((op) =>
      op.insert ? { insert: (op.insert as unknown[]).map(toValue) } : op,
    );
    return [{ p, list }];
  }
  if (target instanceof Y.Map) {
    const keys = (event as Y.YMapEvent<unknown>).keysChanged as Set<string>;
    return [...keys].map((k) => (target.has(k) ? { p, k, v: toValue(target.get(k)) } : { p, k }));
  }
  throw new Unsupported();
}

/** What a local transaction did; null when it holds something this model cannot replay. */
export function readChanges(doc: Y.Doc, tr: Y.Transaction): Change[] | null {
  const changes: Change[] = [];
  try {
    for (const [type, events] of tr.changedParentTypes) {
      if (type._item !== null) continue; // every event reaches its root: read them there
      for (const event of events as Y.YEvent<Y.AbstractType<unknown>>[])
        changes.push(...changesOf(doc, event));
    }
  } catch {
    // Unsupported content, or anything unforeseen: recording must never break an edit.
    return null;
  }
  return changes;
}

function resolve(doc: Y.Doc, path: Path): unknown {
  const [root, ...keys] = path;
  if (root === undefined) return undefined;
  let current: unknown = doc.getMap(root);
  for (const key of keys) current = current instanceof Y.Map ? current.get(key) : undefined;
  return current;
}

/** The sum of retained and deleted lengths must fit the sequence as it is now. */
const fits = (ops: DeltaOp[], length: number): boolean =>
  ops.reduce((n, op) => n + (op.retain ?? 0) + (op.delete ?? 0), 0) <= length;

function applyList(list: Y.Array<unknown>, ops: DeltaOp[]): void {
  let at = 0;
  for (const op of ops) {
    if (op.retain) at += op.retain;
    if (op.delete) list.delete(at, op.delete);
    if (Array.isArray(op.insert)) {
      list.insert(
        at,
        op.insert.map((v) => fromValue(v as Value)),
      );
      at += op.insert.length;
    }
  }
}

/**
 * Applies recorded changes to `doc` (the caller wraps them in one transaction). A change
 * whose target is gone (a topic that was refused or deleted meanwhile) is skipped; returns
 * how many changes applied.
 */
export function applyChanges(doc: Y.Doc, changes: readonly Change[]): number {
  let applied = 0;
  for (const change of changes) {
    const target = resolve(doc, change.p);
    if ('k' in change && target instanceof Y.Map) {
      if (change.v === undefined) target.delete(change.k);
      else target.set(change.k, fromValue(change.v));
    } else if ('text' in change && target instanceof Y.Text) {
      if (!fits(change.text, target.length)) continue;
      target.applyDelta(change.text);
    } else if ('list' in change && target instanceof Y.Array) {
      if (!fits(change.list, target.length)) continue;
      applyList(target as Y.Array<unknown>, change.list);
    } else continue;
    applied++;
  }
  return applied;
}

const pathKey = (path: Path): string => path.join('\u0000');

/**
 * The changes that wrote into something `doc` no longer has: their entity (or its text) was
 * deleted by someone else, say by a facilitator while the phone was offline. Yjs keeps such a
 * write inside the deleted entity, where nobody sees it, and the server takes it as a change
 * of nothing, so it is confirmed like any other. Deletions are not lost, nor is what the same
 * changes delete themselves (a topic edited, then deleted, by its own person).
 */
export function orphanedChanges(
  doc: Y.Doc,
  changes: readonly Change[],
  /** Entities already accounted for (made by a refused edit, which was named): not lost. */
  excused: ReadonlySet<string> = new Set(),
): Change[] {
  const deleted = new Set(excused);
  for (const c of changes) if ('k' in c && c.v === undefined) deleted.add(pathKey([...c.p, c.k]));
  return changes.filter((change) => {
    if ('k' in change && change.v === undefined) return false;
    if (resolve(doc, change.p) !== undefined) return false;
    for (let i = 1; i <= change.p.length; i++)
      if (deleted.has(pathKey(change.p.slice(0, i)))) return false;
    return true;
  });
}

/** What `changes` create (each entity's path, as `orphanedChanges` takes it). */
export const createdBy = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => ('k' in c && c.v !== undefined ? [pathKey([...c.p, c.k])] : []));

const SUBJECT_KEYS = ['title', 'text', 'name', 'label'];
const SUBJECT_MAX = 60;

/**
 * A few words that let the person recognise a change: a title or the text it typed (with
 * `anyText`, any text it wrote, such as a description: all there is of a change to an entity
 * that is gone).
 */
export function subjectOf(changes: readonly Change[], anyText = false): string | null {
  const pick = (value: Value | undefined): string | null => {
    if (typeof value === 'string') return value;
    if (isShared(value) && value.$y === 'map')
      for (const key of SUBJECT_KEYS) {
        const found = value.e[key];
        if (typeof found === 'string') return found;
      }
    return null;
  };
  for (const change of changes) {
    let found: string | null = null;
    if ('k' in change)
      found =
        typeof change.v !== 'string' || anyText || SUBJECT_KEYS.includes(change.k)
          ? pick(change.v)
          : null;
    else if ('text' in change)
      found = change.text.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
    const trimmed = found?.trim();
    if (trimmed)
      return trimmed.length > SUBJECT_MAX ? `${trimmed.slice(0, SUBJECT_MAX)}…` : trimmed;
  }
  return null;
}

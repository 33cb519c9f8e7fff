import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  checkAccess,
  OWNER_FIELD,
  type Actor,
  type BoardRules,
  type Touch,
} from '@twinspace/shared';

/**
 * Tools of the adversarial property test (SPEC R16): hostile updates made from real Yjs
 * structs and by hand, and an oracle that reads what changed from the documents' JSON,
 * independently of the gate, which reads it from Yjs's transaction.
 */

/** The update without its delete set (the structs alone): a hand-made variant. */
export function stripDeleteSet(update: Uint8Array): Uint8Array {
  const { ds } = Y.decodeUpdate(update);
  const tail = encoding.createEncoder();
  encoding.writeVarUint(tail, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    encoding.writeVarUint(tail, client);
    encoding.writeVarUint(tail, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(tail, r.clock);
      encoding.writeVarUint(tail, r.len);
    }
  }
  const cut = update.length - encoding.length(tail);
  const out = new Uint8Array(cut + 1);
  out.set(update.subarray(0, cut));
  out[cut] = 0; // no deletions
  return out;
}

/**
 * Sets `key` of the map at `path` and deletes it again in a scratch document that knows
 * the board: the update carries an item whose content is deleted, placed as the key's
 * newest value (the "deleted winner").
 */
export function deletedWinner(board: Y.Doc, path: string[], key: string, strip: boolean) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  const sv = Y.encodeStateVector(doc);
  const map = mapAt(doc, path);
  if (!map) return null;
  doc.transact(() => map.set(key, 'x'));
  doc.transact(() => map.delete(key));
  const update = Y.encodeStateAsUpdate(doc, sv);
  return { clientID: doc.clientID, update: strip ? stripDeleteSet(update) : update };
}

export function mapAt(doc: Y.Doc, path: string[]): Y.Map<unknown> | null {
  let current: unknown = doc.getMap(path[0]);
  for (const key of path.slice(1)) {
    if (!(current instanceof Y.Map)) return null;
    current = current.get(key);
  }
  return current instanceof Y.Map ? current : null;
}

type Json = Record<string, unknown>;
const snapshot = (doc: Y.Doc, parts: string[]): Record<string, Json> =>
  Object.fromEntries(parts.map((p) => [p, doc.getMap(p).toJSON()]));

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every change between two JSON states of a board, as touches of the rule model. */
export function touchesBetween(
  rules: BoardRules,
  before: Record<string, Json>,
  after: Record<string, Json>,
): Touch[] {
  const touches: Touch[] = [];
  for (const [partName, part] of Object.entries(rules.parts)) {
    const b = before[partName] ?? {};
    const a = after[partName] ?? {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (same(b[key], a[key])) continue;
      if (part.kind === 'record') {
        touches.push({ part: partName, action: 'update', field: key });
        continue;
      }
      const was = b[key] as Json | undefined;
      const now = a[key] as Json | undefined;
      const owner = typeof was?.[OWNER_FIELD] === 'string' ? was[OWNER_FIELD] : undefined;
      const created = {
        part: partName,
        action: 'create' as const,
        owner: now?.[OWNER_FIELD] as string,
      };
      if (!was) touches.push(created);
      else if (!now) touches.push({ part: partName, action: 'delete', owner });
      else if (!same(was[OWNER_FIELD], now[OWNER_FIELD])) {
        // Another owner under the same key: the entity was replaced (or its owner forged).
        touches.push({ part: partName, action: 'delete', owner }, created);
      } else {
        for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
          if (!same(was[field], now[field])) {
            touches.push({ part: partName, action: 'update', field, owner });
          }
        }
      }
    }
  }
  return touches;
}

/** The oracle: is every change from `before` to the board now one `actor` may make? */
export function oracle(rules: BoardRules, doc: Y.Doc) {
  const parts = Object.keys(rules.parts);
  const before = snapshot(doc, parts);
  return (actor: Actor, phase: string): string | null => {
    const after = snapshot(doc, parts);
    for (const root of doc.share.keys()) {
      const type = doc.share.get(root)!;
      const used = [...type._map.values()].some((i) => !i.deleted) || type._start !== null;
      if (!parts.includes(root) && used) return `root ${root}`;
    }
    for (const t of touchesBetween(rules, before, after)) {
      if (t.action === 'create' && t.owner !== actor.participantId) return `forged ${t.part}`;
      const verdict = checkAccess(rules, actor, phase, t);
      if (!verdict.ok)
        return `${actor.role} ${t.action} ${t.part}.${t.field ?? ''}: ${verdict.reason}`;
    }
    return null;
  };
}

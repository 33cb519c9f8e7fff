import * as Y from 'yjs';
import {
  checkAccess,
  createEntity,
  isTombstoned,
  MOD_QUEUE_MAX,
  MOD_QUEUE_PER_OWNER,
  MOD_ROOT,
  narrowRole,
  OWNER_FIELD,
  readModSettings,
  readQueue,
  type Actor,
  type BoardRules,
  type CommandResult,
  type PartRule,
} from '@twinspace/shared';
import { OK, refused } from '../results.ts';
import { checkSubmission, sealFields, toDocValue, unsealFields, type Fields } from './content.ts';

/** Plain values as the document holds them (texts as Y.Text), by the part's field rules. */
const docValues = (part: PartRule, fields: Fields): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, toDocValue(part.fields[k], v)]));

interface Submit {
  part: string;
  id: string;
  fields: Fields;
}

function owned(doc: Y.Doc, part: string, owner: string): number {
  let n = 0;
  doc.getMap<unknown>(part).forEach((e) => {
    if (e instanceof Y.Map && e.get(OWNER_FIELD) === owner) n++;
  });
  return n;
}

/**
 * A participant's new entity in a part waiting for approval (SPEC R24): judged as the gate
 * would judge the same create (rules, phase, fields, per-owner limit, hidden ids), then kept
 * sealed in the queue, out of the board, until a facilitator approves or declines it. If
 * the queue is off by now, it enters the board at once.
 */
export function submit(
  doc: Y.Doc,
  rules: BoardRules,
  who: { actor: Actor; phase: string },
  cmd: Submit,
  seal: { key: Buffer; now: number },
): CommandResult {
  const part = rules.parts[cmd.part];
  if (!part?.approval) return refused('bad-value', `${cmd.part} has no approval queue`);
  const me = who.actor.participantId;
  const access = checkAccess(rules, who.actor, who.phase, {
    part: cmd.part,
    action: 'create',
    owner: me,
  });
  if (!access.ok) return refused(access.reason, access.detail ?? access.reason);
  // Each field as the gate judges it in a Yjs create: who writes it, and in which phases.
  for (const field of Object.keys(cmd.fields)) {
    const touch = { part: cmd.part, action: 'update', field, owner: me } as const;
    const verdict = checkAccess(rules, who.actor, who.phase, touch);
    if (!verdict.ok) return refused(verdict.reason, verdict.detail ?? verdict.reason);
  }
  const full = who.actor.role === 'facilitator' && narrowRole(who.actor) === null;
  const anonymous = !full && readModSettings(doc).anonymous;
  const fields = checkSubmission(part, cmd.fields, { city: who.actor.city, anonymous });
  if (!fields.ok) return refused(fields.reason, fields.detail ?? fields.reason);
  const queue = doc.getMap<unknown>(MOD_ROOT.queue);
  if (queue.has(cmd.id) || doc.getMap<unknown>(cmd.part).has(cmd.id))
    return refused('duplicate', 'already submitted');
  if (isTombstoned(doc, cmd.part, cmd.id)) return refused('not-allowed', 'hidden by a facilitator');
  // The queue went off while this was on its way (an outbox, a night offline): it goes in
  // directly, judged the same, rather than being lost.
  if (!readModSettings(doc).approval.includes(cmd.part)) {
    if (part.maxPerOwner !== undefined && owned(doc, cmd.part, me) >= part.maxPerOwner)
      return refused('limit-reached', `${cmd.part}: at most ${part.maxPerOwner}`);
    createEntity(doc.getMap<Y.Map<unknown>>(cmd.part), cmd.id, me, docValues(part, cmd.fields));
    return OK;
  }
  const pending = readQueue(doc).filter((s) => s.state === 'pending');
  const mine = pending.filter((s) => s.owner === me);
  if (pending.length >= MOD_QUEUE_MAX || mine.length >= MOD_QUEUE_PER_OWNER)
    return refused('limit-reached', 'too many entries wait for approval');
  const sameHere = mine.filter((s) => s.part === cmd.part).length;
  if (part.maxPerOwner !== undefined && owned(doc, cmd.part, me) + sameHere >= part.maxPerOwner)
    return refused('limit-reached', `${cmd.part}: at most ${part.maxPerOwner}`);
  const entry = new Y.Map<unknown>();
  entry.set('part', cmd.part);
  entry.set('owner', me);
  entry.set('state', 'pending');
  entry.set('at', seal.now);
  entry.set('sealed', sealFields(seal.key, cmd.fields));
  queue.set(cmd.id, entry);
  return OK;
}

/** Approved: the server writes the entity into the board, authored by the participant. */
export function approve(doc: Y.Doc, rules: BoardRules, id: string, key: Buffer): CommandResult {
  const queue = doc.getMap<unknown>(MOD_ROOT.queue);
  const entry = queue.get(id);
  if (!(entry instanceof Y.Map) || entry.get('state') !== 'pending')
    return refused('not-found', 'nothing waits under this id');
  const partName: unknown = entry.get('part');
  const owner: unknown = entry.get('owner');
  const part = typeof partName === 'string' ? rules.parts[partName] : undefined;
  const fields = unsealFields(key, entry.get('sealed'));
  if (!part || typeof partName !== 'string' || typeof owner !== 'string' || !fields)
    return refused('not-found', 'this submission cannot be read');
  const collection = doc.getMap<Y.Map<unknown>>(partName);
  if (collection.has(id)) return refused('duplicate', 'it is on the board already');
  createEntity(collection, id, owner, docValues(part, fields));
  queue.delete(id);
  return OK;
}

/** Declined: the content goes, a marker without it stays so the author's device can tell. */
export function decline(doc: Y.Doc, id: string): CommandResult {
  const entry = doc.getMap<unknown>(MOD_ROOT.queue).get(id);
  if (!(entry instanceof Y.Map) || entry.get('state') !== 'pending')
    return refused('not-found', 'nothing waits under this id');
  entry.set('state', 'declined');
  entry.delete('sealed');
  return OK;
}

import * as Y from 'yjs';
import {
  getPeople,
  goesWithOwner,
  isHideableField,
  isModerated,
  MOD_ROOT,
  OWNER_FIELD,
  tombstoneKey,
  TRANSLATIONS_ROOT,
  translationTarget,
  type BoardRules,
  type CommandResult,
} from '@twinspace/shared';
import { OK, refused } from '../results.ts';
import { entityFields, entityFromFields, sealFields, unsealFields } from './content.ts';

/** What a facilitator hides or removes: an entity, or one text field of it (session notes). */
export interface Target {
  part: string;
  id: string;
  field?: string | undefined;
}

const ownerOf = (entity: Y.Map<unknown>): string => {
  const owner = entity.get(OWNER_FIELD);
  return typeof owner === 'string' ? owner : '';
};

function tombstone(
  doc: Y.Doc,
  t: Target,
  owner: string,
  now: number,
  sealed?: string,
  withKey?: string,
): void {
  const entry = new Y.Map<unknown>();
  // Taken down with another entity (a translation with what it translates): restored with it.
  if (withKey !== undefined) entry.set('with', withKey);
  entry.set('part', t.part);
  entry.set('entity', t.id);
  if (t.field !== undefined) entry.set('field', t.field);
  entry.set('owner', owner);
  entry.set('state', sealed === undefined ? 'removed' : 'hidden');
  entry.set('at', now);
  if (sealed !== undefined) entry.set('sealed', sealed);
  doc.getMap<unknown>(MOD_ROOT.hidden).set(tombstoneKey(t.part, t.id, t.field), entry);
}

/**
 * Hides (content sealed in the tombstone, restorable) or removes (nothing kept) an entity or
 * one of its texts (SPEC R22): the content leaves the shared document in the same change that
 * writes its tombstone, so a participant who loads the board later never receives it.
 */
export function takeDown(
  doc: Y.Doc,
  rules: BoardRules,
  t: Target,
  how: { key: Buffer; now: number; keep: boolean },
  withKey?: string,
): CommandResult {
  const part = rules.parts[t.part];
  if (!isModerated(part)) return refused('bad-value', `${t.part} is not participants' content`);
  if (t.field !== undefined && !isHideableField(part, t.field))
    return refused('bad-value', `${t.part}.${t.field} cannot be hidden on its own`);
  const key = tombstoneKey(t.part, t.id, t.field);
  const known = doc.getMap<unknown>(MOD_ROOT.hidden).get(key);
  if (known instanceof Y.Map) {
    if (how.keep || known.get('state') === 'removed') return refused('duplicate', 'already done');
    // Removing what was hidden: the sealed copy goes too, and those of its translations.
    doc.getMap<unknown>(MOD_ROOT.hidden).forEach((entry) => {
      if (entry !== known && !(entry instanceof Y.Map && entry.get('with') === key)) return;
      (entry as Y.Map<unknown>).set('state', 'removed');
      (entry as Y.Map<unknown>).delete('sealed');
    });
    return OK;
  }
  const entity = doc.getMap<unknown>(t.part).get(t.id);
  if (!(entity instanceof Y.Map)) return refused('not-found', `no such ${t.part}`);
  const owner = ownerOf(entity);
  if (t.field === undefined) {
    const sealed = how.keep ? sealFields(how.key, entityFields(entity)) : undefined;
    tombstone(doc, t, owner, how.now, sealed, withKey);
    doc.getMap<unknown>(t.part).delete(t.id);
    if (t.part !== TRANSLATIONS_ROOT) takeDownTranslations(doc, rules, t, key, how);
    return OK;
  }
  const text: unknown = entity.get(t.field);
  const plain = text instanceof Y.Text ? text.toJSON() : '';
  const sealed = how.keep ? sealFields(how.key, { [t.field]: plain }) : undefined;
  tombstone(doc, t, owner, how.now, sealed);
  entity.set(t.field, new Y.Text());
  return OK;
}

/**
 * The translations of an entity taken down go with it: they are its words in another
 * language, and would stay in every participant's copy of the board otherwise.
 */
function takeDownTranslations(
  doc: Y.Doc,
  rules: BoardRules,
  t: Target,
  key: string,
  how: { key: Buffer; now: number; keep: boolean },
): void {
  const target = translationTarget(t.part, t.id);
  const ids: string[] = [];
  doc.getMap<unknown>(TRANSLATIONS_ROOT).forEach((entity, id) => {
    if (entity instanceof Y.Map && entity.get('target') === target) ids.push(id);
  });
  for (const id of ids) takeDown(doc, rules, { part: TRANSLATIONS_ROOT, id }, how, key);
}

/** Puts hidden content back where it was; removed content is gone for good. */
export function restore(
  doc: Y.Doc,
  rules: BoardRules,
  key: string,
  sealKey: Buffer,
): CommandResult {
  const hidden = doc.getMap<unknown>(MOD_ROOT.hidden);
  const entry = hidden.get(key);
  if (!(entry instanceof Y.Map)) return refused('not-found', 'nothing hidden under this key');
  if (entry.get('state') !== 'hidden') return refused('not-found', 'removed for good');
  const fields = unsealFields(sealKey, entry.get('sealed'));
  const partName: unknown = entry.get('part');
  const id: unknown = entry.get('entity');
  const field: unknown = entry.get('field');
  const part = typeof partName === 'string' ? rules.parts[partName] : undefined;
  if (!fields || !part || typeof partName !== 'string' || typeof id !== 'string')
    return refused('not-found', 'this hidden content cannot be read');
  const collection = doc.getMap<unknown>(partName);
  if (typeof field === 'string') {
    const entity = collection.get(id);
    if (!(entity instanceof Y.Map)) return refused('not-found', `its ${partName} is gone`);
    const text = fields[field];
    const old = typeof text === 'string' ? text : '';
    const now: unknown = entity.get(field);
    // What people wrote while it was hidden stays, after the restored text.
    if (now instanceof Y.Text) now.insert(0, now.length > 0 ? `${old}\n\n` : old);
    else entity.set(field, new Y.Text(old));
  } else {
    if (collection.has(id)) return refused('duplicate', 'it is on the board already');
    collection.set(id, entityFromFields(part, fields));
  }
  hidden.delete(key);
  // What was taken down with it (its translations) comes back with it.
  const along: string[] = [];
  hidden.forEach((other, otherKey) => {
    if (other instanceof Y.Map && other.get('with') === key) along.push(otherKey);
  });
  for (const otherKey of along) restore(doc, rules, otherKey, sealKey);
  return OK;
}

/**
 * Removes a participant (SPEC R23): their id joins the revocation list every join, Yjs
 * connect and change is checked against, and their content stays or goes (tombstoned, so
 * a replay cannot bring it back), with their waiting submissions.
 */
export function removePerson(
  doc: Y.Doc,
  rules: BoardRules,
  cmd: { participantId: string; content: 'keep' | 'remove' },
  now: number,
): CommandResult {
  const person = getPeople(doc).get(cmd.participantId);
  if (!(person instanceof Y.Map)) return refused('not-found', 'no such participant');
  if (person.get('role') === 'facilitator')
    return refused('not-allowed', 'facilitators are not removed this way');
  const revoked = doc.getMap<unknown>(MOD_ROOT.revoked);
  if (revoked.has(cmd.participantId)) return refused('duplicate', 'already removed');
  revoked.set(
    cmd.participantId,
    new Y.Map<unknown>([
      ['at', now],
      ['content', cmd.content],
    ]),
  );
  dropContent(doc, rules, cmd.participantId, cmd.content, now);
  return OK;
}

/**
 * Their submissions waiting for approval, and with `remove` all they own (`goesWithOwner`:
 * what they wrote, and the photos the server attached for them) go, tombstoned.
 */
function dropContent(
  doc: Y.Doc,
  rules: BoardRules,
  participantId: string,
  content: unknown,
  now: number,
): void {
  const queue = doc.getMap<unknown>(MOD_ROOT.queue);
  for (const [id, entry] of [...queue.entries()])
    if (entry instanceof Y.Map && entry.get('owner') === participantId) queue.delete(id);
  if (content !== 'remove') return;
  for (const [name, part] of Object.entries(rules.parts)) {
    if (!goesWithOwner(part)) continue;
    const collection = doc.getMap<unknown>(name);
    for (const [id, entity] of [...collection.entries()]) {
      if (!(entity instanceof Y.Map) || ownerOf(entity) !== participantId) continue;
      tombstone(doc, { part: name, id }, participantId, now);
      collection.delete(id);
    }
  }
}

/**
 * Scale-out: a process that accepted a removed participant's updates before the removal
 * reached it (another process decided it) drops what they made meanwhile, as the removal
 * chose (R23). Run under the board's mutex, caught up with the log: it sees those updates.
 */
export function sweepRemoved(doc: Y.Doc, rules: BoardRules, participantId: string): void {
  const entry = doc.getMap<unknown>(MOD_ROOT.revoked).get(participantId);
  if (!(entry instanceof Y.Map)) return;
  dropContent(doc, rules, participantId, entry.get('content'), Date.now());
}

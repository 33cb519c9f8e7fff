import * as Y from 'yjs';
import {
  CREATED_FIELD,
  QA_ROOT,
  readModSettings,
  type PendingQuestion,
  type QaReply,
} from '@twinspace/shared';
import { field, type Sealer } from '../sealed.ts';

/**
 * What the server knows of a question and no client may read: its author, and (while it
 * waits for approval) its text and the name it would show. Kept sealed in `qaSealed`
 * under the question's id. Every function here runs in the room's arbitrated write, or
 * only reads; none throws.
 */
interface SealedQuestion {
  owner: string;
  /** The name shown once approved ('' when anonymous). */
  name: string;
  /** Only while pending. */
  text: string;
}

type Entities = Y.Map<Y.Map<unknown>>;
export const qaRoot = (doc: Y.Doc, name: string): Entities => doc.getMap(name);

export function readSealed(
  doc: Y.Doc,
  s: Sealer,
  id: string,
): (SealedQuestion & { pending: boolean; createdAt: number }) | null {
  const entity = qaRoot(doc, QA_ROOT.sealed).get(id);
  if (!(entity instanceof Y.Map)) return null;
  const raw = s.unseal(entity.get('sealed'));
  if (!raw) return null;
  const createdAt = entity.get(CREATED_FIELD);
  return {
    owner: field(raw, 'o'),
    name: field(raw, 'n'),
    text: field(raw, 't'),
    pending: entity.get('pending') === true,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function writeSealed(
  doc: Y.Doc,
  s: Sealer,
  id: string,
  q: SealedQuestion,
  pending: boolean,
  now: number,
): void {
  let entity = qaRoot(doc, QA_ROOT.sealed).get(id);
  if (!(entity instanceof Y.Map)) {
    entity = new Y.Map<unknown>();
    entity.set(CREATED_FIELD, now);
    qaRoot(doc, QA_ROOT.sealed).set(id, entity);
  }
  entity.set('sealed', s.seal({ o: q.owner, n: q.name, ...(pending ? { t: q.text } : {}) }));
  if (entity.get('pending') !== pending) entity.set('pending', pending);
}

/** Puts an approved question into the shared document: text and name, never the author. */
export function publish(doc: Y.Doc, id: string, q: SealedQuestion, createdAt: number): void {
  const entity = new Y.Map<unknown>();
  entity.set(CREATED_FIELD, createdAt);
  entity.set('text', q.text);
  // An anonymous board's document holds no name (SPEC R25); the sealed record keeps it.
  entity.set('name', readModSettings(doc).anonymous ? '' : q.name);
  entity.set('votes', 0);
  entity.set('answered', false);
  qaRoot(doc, QA_ROOT.questions).set(id, entity);
}

/** The upvote entity of one voter on one question. */
export const voteId = (s: Sealer, questionId: string, voter: string): string =>
  s.idFor('qa-vote', questionId, voter);

/** Upvotes of one question, counted from their entities (so the tally cannot drift). */
export function countVotes(doc: Y.Doc, questionId: string): number {
  let n = 0;
  qaRoot(doc, QA_ROOT.votes).forEach((v) => {
    if (v instanceof Y.Map && v.get('q') === questionId) n++;
  });
  return n;
}

/** Removes a question with its sealed part and upvotes, and takes it off the wall. */
export function dropQuestion(doc: Y.Doc, id: string): void {
  qaRoot(doc, QA_ROOT.questions).delete(id);
  qaRoot(doc, QA_ROOT.sealed).delete(id);
  const votes = qaRoot(doc, QA_ROOT.votes);
  for (const [vid, v] of [...votes.entries()]) if (v.get('q') === id) votes.delete(vid);
  const settings = doc.getMap<unknown>(QA_ROOT.settings);
  if (settings.get('shown') === id) settings.delete('shown');
}

/** Every question's sealed part, read once. */
export function allSealed(
  doc: Y.Doc,
  s: Sealer,
): (SealedQuestion & { id: string; pending: boolean; createdAt: number })[] {
  const out: (SealedQuestion & { id: string; pending: boolean; createdAt: number })[] = [];
  for (const id of qaRoot(doc, QA_ROOT.sealed).keys()) {
    const q = readSealed(doc, s, id);
    if (q) out.push({ ...q, id });
  }
  return out;
}

/**
 * What one person may see of what is sealed: every waiting question for the facilitator,
 * their own for a participant; their own questions' ids; the questions they upvoted.
 */
export function privateView(doc: Y.Doc, s: Sealer, me: string, facilitator: boolean): QaReply {
  const sealed = allSealed(doc, s);
  const pending: PendingQuestion[] = sealed
    .filter((q) => q.pending && (facilitator || q.owner === me))
    .map((q) => ({
      id: q.id,
      text: q.text,
      name: q.name,
      createdAt: q.createdAt,
      mine: q.owner === me,
    }))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const votes = qaRoot(doc, QA_ROOT.votes);
  const voted = [...qaRoot(doc, QA_ROOT.questions).keys()].filter((id) =>
    votes.has(voteId(s, id, me)),
  );
  return {
    type: 'qa-private',
    pending,
    mine: sealed.filter((q) => q.owner === me).map((q) => q.id),
    voted,
  };
}

/**
 * A participant deletes their data (SPEC R29): with `remove` their questions go (with their
 * upvotes); with `keep` they stay without their name, in the sealed record and on the wall.
 */
export function eraseAsker(
  doc: Y.Doc,
  s: Sealer,
  participantId: string,
  choice: 'keep' | 'remove',
): void {
  for (const q of allSealed(doc, s)) {
    if (q.owner !== participantId) continue;
    if (choice === 'remove') {
      dropQuestion(doc, q.id);
      continue;
    }
    if (q.name !== '') writeSealed(doc, s, q.id, { ...q, name: '' }, q.pending, q.createdAt);
    const shown = qaRoot(doc, QA_ROOT.questions).get(q.id);
    if (shown instanceof Y.Map && shown.get('name') !== '') shown.set('name', '');
  }
}

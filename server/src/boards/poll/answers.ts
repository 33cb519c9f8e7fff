import * as Y from 'yjs';
import {
  CREATED_FIELD,
  newEntityId,
  normalizeWord,
  POLL_ROOT,
  scriptOf,
  tallyChoices,
  type MyPollAnswer,
  type Poll,
} from '@twinspace/shared';
import { field, type Sealer } from '../sealed.ts';

/**
 * One person's answer to one poll as the server keeps it (sealed): their choices or text,
 * the city they answered as, and the open answer's text entity, so that a changed answer
 * takes back exactly what the earlier one added. Every function here runs inside the
 * room's arbitrated write; none throws.
 */
interface StoredAnswer extends MyPollAnswer {
  city: string;
  /** The id of the open answer's text entity. */
  textId: string;
}

type Entities = Y.Map<Y.Map<unknown>>;
const root = (doc: Y.Doc, name: string): Entities => doc.getMap(name);

const answerId = (s: Sealer, pollId: string, participant: string): string =>
  s.idFor('poll-answer', pollId, participant);

export function readAnswer(
  doc: Y.Doc,
  s: Sealer,
  pollId: string,
  participant: string,
): StoredAnswer | null {
  const entity = root(doc, POLL_ROOT.answers).get(answerId(s, pollId, participant));
  if (!(entity instanceof Y.Map)) return null;
  const raw = s.unseal(entity.get('sealed'));
  if (!raw || typeof raw !== 'object') return null;
  const choices = (raw as { c?: unknown }).c;
  return {
    choices: Array.isArray(choices) ? choices.filter((c): c is number => Number.isInteger(c)) : [],
    text: field(raw, 't'),
    city: field(raw, 'city'),
    textId: field(raw, 'x'),
  };
}

export function writeAnswer(
  doc: Y.Doc,
  s: Sealer,
  pollId: string,
  participant: string,
  answer: StoredAnswer,
  now: number,
): void {
  const id = answerId(s, pollId, participant);
  let entity = root(doc, POLL_ROOT.answers).get(id);
  if (!(entity instanceof Y.Map)) {
    entity = new Y.Map<unknown>();
    entity.set(CREATED_FIELD, now);
    entity.set('poll', pollId);
    root(doc, POLL_ROOT.answers).set(id, entity);
  }
  const { choices: c, text: t, city, textId: x } = answer;
  entity.set('sealed', s.seal({ c, t, city, x }));
}

/** Entries (words or open answers) a poll holds now, to keep it under its limit. */
export function entriesOf(doc: Y.Doc, poll: Poll): number {
  const name = poll.kind === 'words' ? POLL_ROOT.words : POLL_ROOT.texts;
  let n = 0;
  root(doc, name).forEach((e) => {
    if (e instanceof Y.Map && e.get('poll') === poll.id) n++;
  });
  return n;
}

/** Whether this text would add an entry (a new word, or any open answer). */
export function addsEntry(doc: Y.Doc, s: Sealer, poll: Poll, text: string): boolean {
  if (poll.kind === 'open') return true;
  return !root(doc, POLL_ROOT.words).has(s.idFor('poll-word', poll.id, normalizeWord(text)));
}

/** Adds (+1) or takes back (-1) one word of a word cloud. */
export function countWord(doc: Y.Doc, s: Sealer, pollId: string, text: string, by: 1 | -1): void {
  const key = normalizeWord(text);
  if (!key) return;
  const id = s.idFor('poll-word', pollId, key);
  const words = root(doc, POLL_ROOT.words);
  const entity = words.get(id);
  if (!(entity instanceof Y.Map)) {
    if (by < 0) return;
    const word = new Y.Map<unknown>();
    word.set('poll', pollId);
    word.set('key', key);
    word.set('text', text.trim());
    word.set('n', 1);
    word.set('script', scriptOf(key));
    words.set(id, word);
    return;
  }
  const n = (typeof entity.get('n') === 'number' ? (entity.get('n') as number) : 0) + by;
  if (n <= 0) words.delete(id);
  else entity.set('n', n);
}

/** Adds an open answer's text (no author) and returns its entity id. */
export function addText(doc: Y.Doc, pollId: string, text: string, now: number): string {
  const id = newEntityId();
  const entity = new Y.Map<unknown>();
  entity.set(CREATED_FIELD, now);
  entity.set('poll', pollId);
  entity.set('text', text);
  root(doc, POLL_ROOT.texts).set(id, entity);
  return id;
}

/** Counts per option, and per city when the person answered as one. */
export function countChoices(
  entity: Y.Map<unknown>,
  poll: Poll,
  before: StoredAnswer | null,
  after: { choices: number[]; city: string },
): void {
  const size = poll.options.length;
  entity.set('counts', tallyChoices(poll.counts, size, before?.choices ?? null, after.choices));
  if (!before?.city && !after.city) return;
  const byCity = { ...poll.byCity };
  if (before?.city)
    byCity[before.city] = tallyChoices(byCity[before.city] ?? [], size, before.choices, null);
  if (after.city)
    byCity[after.city] = tallyChoices(byCity[after.city] ?? [], size, null, after.choices);
  entity.set('byCity', byCity);
}

/** Removes a poll's answers, words and texts (the poll is deleted). */
export function dropPollData(doc: Y.Doc, pollId: string): void {
  for (const name of [POLL_ROOT.answers, POLL_ROOT.words, POLL_ROOT.texts]) {
    const map = root(doc, name);
    for (const [id, e] of [...map.entries()]) if (e.get('poll') === pollId) map.delete(id);
  }
}

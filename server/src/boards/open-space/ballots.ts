import * as Y from 'yjs';
import {
  cleanDots,
  OS_ROOT,
  OWNER_FIELD,
  CREATED_FIELD,
  readSettings,
  votesVisible,
  type Dots,
  type MyBallot,
  type Settings,
} from '@twinspace/shared';
import { seal, unseal } from './seal.ts';

/**
 * Ballots in the document: one entity per voter (id = participant id) whose `sealed`
 * field always holds { d: dots, n: recent voteIds }, and whose `dots` field and the
 * topics' `votes` tallies exist only while votes are visible (settings.hideVotes off, or
 * revealed). Every function here runs inside room.writeAsServer, so it sees the document
 * as stored and no other change interleaves; none of them throws.
 */
export interface Ballot {
  dots: Dots;
  /** The most recent voteIds, newest last: a replay of one of them is a duplicate. */
  nonces: string[];
}

/** Enough to catch any retry or replay of a recent vote: a voter casts a handful. */
export const NONCE_MEMORY = 64;

const ballots = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(OS_ROOT.ballots);
const topics = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(OS_ROOT.topics);

export function readBallot(doc: Y.Doc, key: Buffer, voter: string): Ballot {
  const sealed = ballots(doc).get(voter)?.get('sealed');
  const plain = typeof sealed === 'string' ? unseal(key, sealed) : null;
  if (plain === null) return { dots: {}, nonces: [] };
  try {
    const raw = JSON.parse(plain) as { d?: unknown; n?: unknown };
    const dots = raw.d && typeof raw.d === 'object' ? cleanDots(raw.d) : {};
    const nonces = Array.isArray(raw.n)
      ? raw.n.filter((x): x is string => typeof x === 'string')
      : [];
    return { dots, nonces };
  } catch {
    return { dots: {}, nonces: [] };
  }
}

/** Every voter's dots, hidden ones included (for the reveal and the facilitator's preview). */
export function readAllBallots(doc: Y.Doc, key: Buffer): Map<string, Dots> {
  const all = new Map<string, Dots>();
  for (const voter of [...ballots(doc).keys()].sort())
    all.set(voter, readBallot(doc, key, voter).dots);
  return all;
}

export function writeBallot(
  doc: Y.Doc,
  key: Buffer,
  voter: string,
  ballot: Ballot,
  now: number,
): void {
  let entity = ballots(doc).get(voter);
  if (!(entity instanceof Y.Map)) {
    entity = new Y.Map<unknown>();
    entity.set(OWNER_FIELD, voter);
    entity.set(CREATED_FIELD, now);
    ballots(doc).set(voter, entity);
  }
  const nonces = ballot.nonces.slice(-NONCE_MEMORY);
  entity.set('sealed', seal(key, JSON.stringify({ d: ballot.dots, n: nonces })));
}

export const usedDots = (dots: Dots): number => Object.values(dots).reduce((s, n) => s + n, 0);

export function myBallot(dots: Dots, settings: Settings): MyBallot {
  const used = usedDots(dots);
  return {
    dots,
    used,
    budget: settings.voteBudget,
    remaining: Math.max(0, settings.voteBudget - used),
    multiDot: settings.multiDot,
  };
}

/**
 * Makes the public side of the ballots follow the visibility setting: while visible,
 * every ballot's `dots` and every topic's `votes` equal the sealed ballots; while
 * hidden, neither exists. Writes only what differs, so a vote costs a few bytes.
 */
export function syncPublic(doc: Y.Doc, key: Buffer, changedVoter?: string): void {
  if (!votesVisible(readSettings(doc))) return unpublish(doc);
  const all = ballots(doc);
  const complete = [...all.values()].every((e) => e.get('dots') !== undefined);
  // Usually only the voter who just voted needs writing; a first publish writes all.
  const voters = complete && changedVoter !== undefined ? [changedVoter] : [...all.keys()];
  for (const voter of voters) {
    const entity = all.get(voter);
    if (!entity) continue;
    const dots = readBallot(doc, key, voter).dots;
    if (JSON.stringify(entity.get('dots')) !== JSON.stringify(dots)) entity.set('dots', dots);
  }
  const tallies = new Map<string, number>();
  all.forEach((entity) => {
    const dots = entity.get('dots');
    if (dots && typeof dots === 'object') {
      for (const [t, n] of Object.entries(cleanDots(dots)))
        tallies.set(t, (tallies.get(t) ?? 0) + n);
    }
  });
  topics(doc).forEach((topic, id) => {
    if (!(topic instanceof Y.Map)) return;
    const tally = tallies.get(id) ?? 0;
    if (topic.get('votes') !== tally) topic.set('votes', tally);
  });
}

function unpublish(doc: Y.Doc): void {
  ballots(doc).forEach((entity) => {
    if (entity instanceof Y.Map && entity.has('dots')) entity.delete('dots');
  });
  topics(doc).forEach((topic) => {
    if (topic instanceof Y.Map && topic.has('votes')) topic.delete('votes');
  });
}

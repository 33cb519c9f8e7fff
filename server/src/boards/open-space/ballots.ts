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
 * After one voter's change (`changedVoter`, with their new dots if the caller has them),
 * when every other ballot is public already, only that voter's difference is applied to
 * the tallies: a vote costs the same on a board of 300 voters as on one of three (the
 * full recount made a 300-person vote storm O(voters x votes)).
 */
export function syncPublic(doc: Y.Doc, key: Buffer, changedVoter?: string, dots?: Dots): void {
  if (!votesVisible(readSettings(doc))) return unpublish(doc);
  const all = ballots(doc);
  if (changedVoter !== undefined) {
    let othersPublic = true;
    for (const [voter, entity] of all)
      if (voter !== changedVoter && entity.get('dots') === undefined) othersPublic = false;
    if (othersPublic) {
      publishOne(doc, key, changedVoter, dots);
      // A topic proposed since the tallies were published has none yet (O(topics), not voters).
      topics(doc).forEach((topic) => {
        if (topic instanceof Y.Map && typeof topic.get('votes') !== 'number') topic.set('votes', 0);
      });
      return;
    }
  }
  all.forEach((entity, voter) => {
    const dots = readBallot(doc, key, voter).dots;
    if (JSON.stringify(entity.get('dots')) !== JSON.stringify(dots)) entity.set('dots', dots);
  });
  const tallies = new Map<string, number>();
  all.forEach((entity) => {
    for (const [t, n] of Object.entries(publicDots(entity)))
      tallies.set(t, (tallies.get(t) ?? 0) + n);
  });
  topics(doc).forEach((topic, id) => {
    if (!(topic instanceof Y.Map)) return;
    const tally = tallies.get(id) ?? 0;
    if (topic.get('votes') !== tally) topic.set('votes', tally);
  });
}

const publicDots = (entity: Y.Map<unknown>): Dots => {
  const dots = entity.get('dots');
  return dots && typeof dots === 'object' ? cleanDots(dots) : {};
};

/** One voter's public dots made equal to their sealed ones, the tallies moved by the change. */
function publishOne(doc: Y.Doc, key: Buffer, voter: string, known?: Dots): void {
  const entity = ballots(doc).get(voter);
  if (!entity) return;
  const before = publicDots(entity);
  const after = known ?? readBallot(doc, key, voter).dots;
  const changed = new Set([...Object.keys(before), ...Object.keys(after)]);
  const moves = [...changed].filter((t) => (after[t] ?? 0) !== (before[t] ?? 0));
  if (moves.length === 0 && entity.get('dots') !== undefined) return;
  entity.set('dots', after);
  for (const t of moves) {
    const topic = topics(doc).get(t);
    if (!(topic instanceof Y.Map)) continue;
    const votes = topic.get('votes');
    topic.set(
      'votes',
      (typeof votes === 'number' ? votes : 0) + (after[t] ?? 0) - (before[t] ?? 0),
    );
  }
}

function unpublish(doc: Y.Doc): void {
  ballots(doc).forEach((entity) => {
    if (entity instanceof Y.Map && entity.has('dots')) entity.delete('dots');
  });
  topics(doc).forEach((topic) => {
    if (topic instanceof Y.Map && topic.has('votes')) topic.delete('votes');
  });
}

// The public tallies follow the sealed ballots after any sequence of votes, taken-back dots
// and visibility switches: the per-vote difference (syncPublic's fast path) never drifts from
// a full recount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OS_ROOT } from '@twinspace/shared';
import { readAllBallots, syncPublic } from './ballots.ts';
import { vote } from './vote.ts';

const KEY = Buffer.alloc(32, 7);
const TOPICS = ['t1', 't2', 't3', 't4'];

function board(): Y.Doc {
  const doc = new Y.Doc();
  const settings = doc.getMap<unknown>(OS_ROOT.settings);
  settings.set('multiDot', true);
  settings.set('voteBudget', 4);
  for (const id of TOPICS) {
    const topic = new Y.Map<unknown>();
    topic.set('title', id);
    doc.getMap(OS_ROOT.topics).set(id, topic);
  }
  return doc;
}

const recount = (doc: Y.Doc): Record<string, number> => {
  const tallies: Record<string, number> = Object.fromEntries(TOPICS.map((t) => [t, 0]));
  for (const dots of readAllBallots(doc, KEY).values())
    for (const [t, n] of Object.entries(dots)) tallies[t] = (tallies[t] ?? 0) + n;
  return tallies;
};

/** The tallies as the document has them (none before the first vote: 0). */
const shown = (doc: Y.Doc): Record<string, unknown> =>
  Object.fromEntries(
    [...doc.getMap<Y.Map<unknown>>(OS_ROOT.topics)].map(([id, t]) => [id, t.get('votes') ?? 0]),
  );

const step = fc.oneof(
  fc.record({
    voter: fc.constantFrom('ana', 'bo', 'cy', 'di'),
    topicId: fc.constantFrom(...TOPICS),
    delta: fc.constantFrom(1 as const, -1 as const),
  }),
  fc.constantFrom('hide' as const, 'reveal' as const),
);

describe('ballots: public tallies', () => {
  it('equal a full recount after every vote and every visibility switch', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const doc = board();
        let n = 0;
        for (const s of steps) {
          doc.transact(() => {
            if (typeof s === 'string') {
              doc.getMap(OS_ROOT.settings).set('hideVotes', s === 'hide');
              syncPublic(doc, KEY);
            } else {
              const session = { participantId: s.voter };
              vote(doc, KEY, session, { voteId: `v${n++}`, ...s }, n);
            }
          });
          const hidden = doc.getMap(OS_ROOT.settings).get('hideVotes') === true;
          if (!hidden) expect(shown(doc)).toEqual(recount(doc));
        }
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });
});

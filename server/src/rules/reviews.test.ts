import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getMeta, MS_ROOT, type Actor } from '@twinspace/shared';
import { readReviews, reviewId } from '@twinspace/shared/boards/match-sprint/read';
import { gateHarness } from './gate-harness.ts';

const mallory: Actor = { role: 'participant', participantId: 'mallor', city: 'Dresden' };
const reviews = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.reviews);
const real = reviewId('proj000001', 1);

/** The review phase, with the review the server opened for project proj000001's sprint 1. */
function board() {
  const h = gateHarness('match-sprint', () => 'review');
  h.serverWrite((d) => {
    getMeta(d).set('phase', 'review');
    const texts = { done: new Y.Text('Hall booked'), worked: new Y.Text(), next: new Y.Text() };
    createEntity(reviews(d), real, 'project-team', {
      projectId: 'proj000001',
      sprint: 1,
      ...texts,
    });
  });
  return h;
}

describe('a project’s review is the one under its id (R3)', () => {
  it('a review made under another id does not stand in for the project’s', () => {
    const h = board();
    const m = h.client(mallory);
    const forged = m.edit((d) =>
      createEntity(reviews(d), 'forged0001', 'mallor', {
        projectId: 'proj000001',
        sprint: 1,
        done: new Y.Text('Nothing was done'),
        worked: new Y.Text(),
        next: new Y.Text(),
      }),
    );
    m.send(forged);
    expect(readReviews(h.server).map((r) => [r.id, r.done])).toEqual([[real, 'Hall booked']]);
  });

  it('nobody but the facilitator moves a review to another project or sprint', () => {
    const h = board();
    const m = h.client(mallory);
    for (const [field, value] of [
      ['projectId', 'elsewhere'],
      ['sprint', 7],
    ] as const) {
      const move = m.edit((d) => reviews(d).get(real)!.set(field, value));
      expect(m.send(move), field).toMatchObject({ ok: false, reason: 'not-allowed' });
    }
    // Writing in it is what everyone does.
    const write = m.edit((d) => (reviews(d).get(real)!.get('next') as Y.Text).insert(0, 'Autumn'));
    expect(m.send(write)).toMatchObject({ ok: true });
    expect(readReviews(h.server)[0]).toMatchObject({ projectId: 'proj000001', sprint: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { conflictsOf, findConflicts, type GridTopic } from './conflicts.ts';
import { demandFrom } from './demand.ts';

const t = (
  id: string,
  owner: string,
  slot: string | null,
  space: string | null,
  convener = owner,
): GridTopic => ({
  id,
  owner,
  convener,
  slot,
  space,
});
const spaces = [
  { id: 'hall', capacity: 100 },
  { id: 'nook', capacity: 2 },
];

describe('findConflicts', () => {
  it('finds a convener in two places at once, but not a facilitator typing in topics for two people', () => {
    const topics = [
      t('t1', 'ana', 's1', 'hall'),
      t('t2', 'ana', 's1', 'nook'),
      t('t3', 'ana', 's2', 'hall'),
      t('f1', 'facil', 's2', 'nook', 'Olena'),
      t('f2', 'facil', 's3', 'hall', 'Taras'),
      t('f3', 'facil', 's3', 'nook', 'Taras '),
    ];
    const found = findConflicts(topics, spaces, null);
    expect(found).toEqual([
      { kind: 'convener-double-booked', slotId: 's1', convener: 'ana', topicIds: ['t1', 't2'] },
      { kind: 'convener-double-booked', slotId: 's3', convener: 'facil', topicIds: ['f2', 'f3'] },
    ]);
  });

  it('finds interest over capacity and a shared audience only when demand is known', () => {
    const ballots = new Map([
      ['p1', { a: 1, b: 2 }],
      ['p2', { a: 1, b: 1 }],
      ['p3', { a: 3 }],
      ['p4', { c: 1 }],
    ]);
    const topics = [
      t('a', 'x', 's1', 'nook'),
      t('b', 'y', 's1', 'hall'),
      t('c', 'z', 's1', 'hall2'),
      t('d', 'w', null, null),
    ];
    const demand = demandFrom(ballots);
    const found = findConflicts(topics, spaces, demand);
    expect(found).toEqual([
      {
        kind: 'over-capacity',
        slotId: 's1',
        spaceId: 'nook',
        topicId: 'a',
        interest: 3,
        capacity: 2,
      },
      { kind: 'audience-overlap', slotId: 's1', topicIds: ['a', 'b'], shared: 2 },
    ]);
    expect(findConflicts(topics, spaces, null)).toEqual([]);
    expect(conflictsOf(found, 'b')).toHaveLength(1);
    expect(conflictsOf(found, 'c')).toEqual([]);
  });

  it('does not call one shared voter an overlap', () => {
    const demand = demandFrom(new Map([['p1', { a: 1, b: 1 }]]));
    expect(
      findConflicts([t('a', 'x', 's1', 'hall'), t('b', 'y', 's1', 'nook')], spaces, demand),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity } from '../common.ts';
import { TF_ROOT } from './layout.ts';
import { groupsOf, picksOf, readPoints, topFive, type Point } from './logic.ts';

const point = (id: string, voters: string[], createdAt = 0, group = 'g'): Point => ({
  id,
  owner: 'o',
  createdAt,
  text: id,
  group,
  language: '',
  voters,
});

describe('topFive', () => {
  it('keeps the five most voted points of the group, ties to the earlier point then the id', () => {
    const points = [
      point('a', ['1']),
      point('b', ['1', '2', '3']),
      point('c', ['1', '2'], 5),
      point('d', ['1', '2'], 1),
      point('e', []),
      point('f', ['3'], 0),
      point('g', ['9', '8', '7', '6'], 0, 'other'),
      point('h', ['3'], 0),
    ];
    expect(topFive(points, 'g').map((p) => p.id)).toEqual(['b', 'd', 'c', 'a', 'f']);
    expect(topFive(points, 'other').map((p) => p.id)).toEqual(['g']);
    expect(groupsOf(points)).toEqual(['g', 'other']);
    expect(picksOf(points, 'g', '3').map((p) => p.id)).toEqual(['b', 'f', 'h']);
  });

  it('reads points from the document', () => {
    const doc = new Y.Doc();
    createEntity(doc.getMap(TF_ROOT.points), 'point00001', 'ana', {
      text: 'Trust',
      group: 'A',
      voters: ['x'],
    });
    doc.getMap(TF_ROOT.points).set('junk', 'not a map' as never);
    expect(readPoints(doc)).toMatchObject([
      { id: 'point00001', owner: 'ana', text: 'Trust', group: 'A', voters: ['x'] },
    ]);
  });
});

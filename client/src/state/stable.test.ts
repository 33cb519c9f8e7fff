import { describe, expect, it } from 'vitest';
import { EMPTY_LIST, keepUnchanged, mergeStable } from './stable.ts';

const card = (id: string, text: string) => ({ id, text, owner: 'p1', createdAt: 1 });

describe('mergeStable', () => {
  it('keeps the objects of unchanged items, so only changed cards re-render', () => {
    const first = mergeStable(EMPTY_LIST, [card('a', 'one'), card('b', 'two')]);
    const second = mergeStable(first, [card('a', 'one'), card('b', 'TWO')]);
    expect(second.byId['a']).toBe(first.byId['a']);
    expect(second.byId['b']).not.toBe(first.byId['b']);
    expect(second.ids).toBe(first.ids);
  });

  it('returns the very same list when nothing changed', () => {
    const first = mergeStable(EMPTY_LIST, [card('a', 'one')]);
    expect(mergeStable(first, [card('a', 'one')])).toBe(first);
  });

  it('follows additions, removals and order', () => {
    const first = mergeStable(EMPTY_LIST, [card('a', 'one'), card('b', 'two')]);
    expect(mergeStable(first, [card('b', 'two')]).ids).toEqual(['b']);
    expect(mergeStable(first, [card('b', 'two'), card('a', 'one')]).ids).toEqual(['b', 'a']);
  });
});

describe('keepUnchanged', () => {
  it('keeps unchanged entities of a list, nested values compared by content', () => {
    const prev: { id: string; team: Record<string, string>; tags: string[] }[] = [
      { id: 'a', team: { p1: 'Kyiv' }, tags: ['x'] },
      { id: 'b', team: {}, tags: [] },
    ];
    const next = keepUnchanged(prev, [
      { id: 'a', team: { p1: 'Kyiv' }, tags: ['x'] },
      { id: 'b', team: { p2: 'Riga' }, tags: [] },
    ]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).not.toBe(prev[1]);
    expect(
      keepUnchanged(
        prev,
        prev.map((item) => ({ ...item })),
      ),
    ).toBe(prev);
  });

  it('keeps a record or a map that reads the same, and takes one that changed', () => {
    const settings = { hideVotes: false, languages: ['en', 'uk'] };
    expect(keepUnchanged(settings, { hideVotes: false, languages: ['en', 'uk'] })).toBe(settings);
    expect(keepUnchanged(settings, { hideVotes: true, languages: ['en', 'uk'] })).not.toBe(
      settings,
    );
    const ballots = new Map([['p1', { t1: 2 }]]);
    expect(keepUnchanged(ballots, new Map([['p1', { t1: 2 }]]))).toBe(ballots);
    expect(keepUnchanged(ballots, new Map([['p2', { t1: 2 }]]))).not.toBe(ballots);
  });
});

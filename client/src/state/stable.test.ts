import { describe, expect, it } from 'vitest';
import { EMPTY_LIST, mergeStable } from './stable.ts';

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

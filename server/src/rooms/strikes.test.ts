import { describe, expect, it } from 'vitest';
import { PeerCost, PeerStrikes } from './strikes.ts';

describe('per-peer budgets (SPEC R12)', () => {
  it('counts refusals over a sliding minute, each peer on its own', () => {
    const strikes = new PeerStrikes(2);
    const [a, b] = [{}, {}];
    expect([strikes.strike(a, 0), strikes.strike(a, 1), strikes.strike(b, 2)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(strikes.strike(a, 3)).toBe(true);
    expect(strikes.strike(a, 60_002)).toBe(false); // the first two have left the minute
  });

  it('sums what a peer’s requests cost the room, per minute, each peer on its own', () => {
    const cost = new PeerCost(10);
    const [a, b] = [{}, {}];
    expect(cost.charge(a, 6, 0)).toBe(false);
    expect(cost.charge(b, 9, 1)).toBe(false);
    expect(cost.charge(a, 5, 2)).toBe(true);
    expect(cost.charge(a, 5, 60_000)).toBe(false); // a new minute
    cost.forget(b);
    expect(cost.charge(b, 9, 3)).toBe(false);
  });
});

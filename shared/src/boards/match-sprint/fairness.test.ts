import { describe, expect, it } from 'vitest';
import { cityShares, tallyVotes, teamCities } from './fairness.ts';

// Minsk came with five people, Dresden with two.
const memberCity = new Map([
  ['m1', 'Minsk'],
  ['m2', 'Minsk'],
  ['m3', 'Minsk'],
  ['m4', 'Minsk'],
  ['m5', 'Minsk'],
  ['d1', 'Dresden'],
  ['d2', 'Dresden'],
]);
const votes = [
  ...['m1', 'm2', 'm3', 'm4', 'm5'].map((owner) => ({ owner, target: 'projA' })),
  { owner: 'd1', target: 'projB' },
  { owner: 'd2', target: 'projB' },
];

describe('cityShares', () => {
  it('gives each city its share of cards, votes and seats', () => {
    const shares = cityShares({
      cities: ['Minsk', 'Dresden'],
      memberCity,
      cards: [
        { city: 'Minsk' },
        { city: 'Minsk' },
        { city: 'Minsk' },
        { city: 'Dresden' },
        { city: 'Elsewhere' },
      ],
      votes,
      projects: [{ team: { m1: 'Minsk', d1: 'Dresden' } }, { team: { m2: 'Minsk' } }],
    });
    expect(shares).toEqual([
      {
        city: 'Minsk',
        members: 5,
        cards: 3,
        votes: 5,
        seats: 2,
        cardShare: 0.75,
        voteShare: 5 / 7,
        seatShare: 2 / 3,
      },
      {
        city: 'Dresden',
        members: 2,
        cards: 1,
        votes: 2,
        seats: 1,
        cardShare: 0.25,
        voteShare: 2 / 7,
        seatShare: 1 / 3,
      },
    ]);
  });

  it('is zero, not NaN, on an empty board', () => {
    const [minsk] = cityShares({
      cities: ['Minsk'],
      memberCity: new Map(),
      cards: [],
      votes: [],
      projects: [],
    });
    expect(minsk).toMatchObject({ cardShare: 0, voteShare: 0, seatShare: 0 });
  });
});

describe('tallyVotes', () => {
  it('counts heads by default, so the bigger delegation wins', () => {
    expect(tallyVotes(votes, memberCity, false)).toEqual([
      { target: 'projA', votes: 5, weighted: 3.5 },
      { target: 'projB', votes: 2, weighted: 3.5 },
    ]);
  });

  it('weighs each city equally on request: both cities carry the same total', () => {
    const tally = tallyVotes([...votes, { owner: 'd1', target: 'projC' }], memberCity, true);
    // 8 votes, 2 cities: each city carries 4. Minsk: 5 votes of 0.8; Dresden: 3 votes of 4/3.
    expect(tally).toEqual([
      { target: 'projA', votes: 5, weighted: 4 },
      { target: 'projB', votes: 2, weighted: 2.67 },
      { target: 'projC', votes: 1, weighted: 1.33 },
    ]);
  });

  it('does not depend on the order of the votes', () => {
    const reversed = [...votes].reverse();
    expect(tallyVotes(reversed, memberCity, true)).toEqual(tallyVotes(votes, memberCity, true));
  });
});

describe('teamCities', () => {
  it('lists the distinct cities of a team', () => {
    expect(teamCities({ a: 'Minsk', b: 'Dresden', c: 'Minsk' })).toEqual(['Dresden', 'Minsk']);
    expect(teamCities({})).toEqual([]);
  });
});

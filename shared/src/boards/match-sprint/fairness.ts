/**
 * Fairness between delegations (pure): each city's share of cards, votes and team seats,
 * and a vote tally that can weigh every city equally whatever its head count.
 *
 * Equal city weight: if V votes were cast and k cities cast any, each of those cities
 * carries V / k in total, split evenly over its own votes (a vote of city c weighs
 * V / (k · votes(c))). Totals stay comparable with the raw count. Votes of people without
 * a city (the facilitator, say) weigh 1 in both tallies.
 */
export interface FairnessInput {
  /** City names in display order. */
  cities: readonly string[];
  /** Participant id -> city, for every participant who joined as a city member. */
  memberCity: ReadonlyMap<string, string>;
  cards: readonly { city: string }[];
  votes: readonly { owner: string; target: string }[];
  projects: readonly { team: Readonly<Record<string, string>> }[];
}

export interface CityShare {
  city: string;
  members: number;
  cards: number;
  votes: number;
  seats: number;
  /** Shares in [0, 1] of the board's total (0 when the total is 0). */
  cardShare: number;
  voteShare: number;
  seatShare: number;
}

const share = (part: number, total: number): number => (total === 0 ? 0 : part / total);

function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export function cityShares(input: FairnessInput): CityShare[] {
  const known = new Set(input.cities);
  const inCity = (city: string | undefined): string | undefined =>
    city !== undefined && known.has(city) ? city : undefined;
  const members = countBy([...input.memberCity.values()], inCity);
  const cards = countBy(input.cards, (c) => inCity(c.city));
  const votes = countBy(input.votes, (v) => inCity(input.memberCity.get(v.owner)));
  const seats = countBy(
    input.projects.flatMap((p) => Object.values(p.team)),
    inCity,
  );
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const totals = { cards: total(cards), votes: total(votes), seats: total(seats) };
  return input.cities.map((city) => {
    const c = cards.get(city) ?? 0;
    const v = votes.get(city) ?? 0;
    const s = seats.get(city) ?? 0;
    return {
      city,
      members: members.get(city) ?? 0,
      cards: c,
      votes: v,
      seats: s,
      cardShare: share(c, totals.cards),
      voteShare: share(v, totals.votes),
      seatShare: share(s, totals.seats),
    };
  });
}

export interface Tally {
  target: string;
  /** Raw number of votes. */
  votes: number;
  /** Votes with every city's total weighed equally (see the header). */
  weighted: number;
}

/** Votes per target, sorted by the chosen tally (weighted or raw) then by target id. */
export function tallyVotes(
  votes: readonly { owner: string; target: string }[],
  memberCity: ReadonlyMap<string, string>,
  equalCityWeight: boolean,
): Tally[] {
  const perCity = countBy(votes, (v) => memberCity.get(v.owner));
  const cityVotes = [...perCity.values()].reduce((a, b) => a + b, 0);
  const perCityTotal = perCity.size === 0 ? 0 : cityVotes / perCity.size;
  const tallies = new Map<string, Tally>();
  for (const vote of votes) {
    const city = memberCity.get(vote.owner);
    const weight = city === undefined ? 1 : perCityTotal / (perCity.get(city) ?? 1);
    const t = tallies.get(vote.target) ?? { target: vote.target, votes: 0, weighted: 0 };
    t.votes += 1;
    t.weighted += weight;
    tallies.set(vote.target, t);
  }
  const rounded = [...tallies.values()].map((t) => ({
    ...t,
    weighted: Math.round(t.weighted * 100) / 100,
  }));
  const key = (t: Tally): number => (equalCityWeight ? t.weighted : t.votes);
  return rounded.sort(
    (a, b) => key(b) - key(a) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
}

/** Whether a team has members from at least two cities (the board shows it per project). */
export function teamCities(team: Readonly<Record<string, string>>): string[] {
  return [...new Set(Object.values(team).filter((c) => c !== ''))].sort();
}

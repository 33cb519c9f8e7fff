import type { Dots } from './read.ts';

/**
 * What people asked for, derived from the ballots: the input of conflicts, schedule
 * quality and the auto-schedule. Interest is counted in people (a voter with three dots
 * on one topic is one attendee); dots only order topics of equal interest.
 */
export interface Demand {
  voters: ReadonlyMap<string, ReadonlySet<string>>;
  dots: ReadonlyMap<string, number>;
}

export function demandFrom(ballots: ReadonlyMap<string, Dots>): Demand {
  const voters = new Map<string, Set<string>>();
  const dots = new Map<string, number>();
  for (const [voter, ballot] of ballots) {
    for (const [topicId, count] of Object.entries(ballot)) {
      if (count <= 0) continue;
      let set = voters.get(topicId);
      if (!set) voters.set(topicId, (set = new Set()));
      set.add(voter);
      dots.set(topicId, (dots.get(topicId) ?? 0) + count);
    }
  }
  return { voters, dots };
}

export const interestOf = (demand: Demand, topicId: string): number =>
  demand.voters.get(topicId)?.size ?? 0;

/** Voters two topics share. */
export function sharedVoters(demand: Demand, a: string, b: string): number {
  const va = demand.voters.get(a);
  const vb = demand.voters.get(b);
  if (!va || !vb) return 0;
  const [small, large] = va.size <= vb.size ? [va, vb] : [vb, va];
  let n = 0;
  for (const v of small) if (large.has(v)) n++;
  return n;
}

/**
 * Who runs a topic. A participant's topics share their owner id; a facilitator who types
 * in topics for several conveners owns them all, so the convener's name tells them apart.
 */
export const convenerKey = (t: { owner: string; convener: string }): string =>
  `${t.owner}\u0000${t.convener.trim().toLowerCase()}`;

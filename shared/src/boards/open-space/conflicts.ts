import { convenerKey, interestOf, sharedVoters, type Demand } from './demand.ts';

/**
 * Conflicts of a grid, as they arise. Pure and deterministic (sorted output), so the
 * server's preview and every screen agree.
 * - convener-double-booked: one convener (see convenerKey) has two topics in one slot.
 * - over-capacity: a topic's interest (people) exceeds its space's capacity.
 * - audience-overlap: two topics in one slot share at least OVERLAP_MIN_SHARED voters and
 *   at least OVERLAP_MIN_SHARE of the smaller audience: those people must choose.
 * Without demand (votes hidden, not the facilitator) only convener conflicts are found.
 */
export const OVERLAP_MIN_SHARED = 2;
export const OVERLAP_MIN_SHARE = 0.5;

export interface GridTopic {
  id: string;
  owner: string;
  convener: string;
  slot: string | null;
  space: string | null;
}

export interface GridSpace {
  id: string;
  capacity: number;
}

export type Conflict =
  | { kind: 'convener-double-booked'; slotId: string; convener: string; topicIds: string[] }
  | {
      kind: 'over-capacity';
      slotId: string;
      spaceId: string;
      topicId: string;
      interest: number;
      capacity: number;
    }
  | { kind: 'audience-overlap'; slotId: string; topicIds: [string, string]; shared: number };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Placed topics grouped by slot, ids sorted. */
export function bySlot<T extends GridTopic>(topics: readonly T[]): Map<string, T[]> {
  const slots = new Map<string, T[]>();
  for (const t of topics) {
    if (t.slot === null || t.space === null) continue;
    const list = slots.get(t.slot) ?? [];
    list.push(t);
    slots.set(t.slot, list);
  }
  for (const list of slots.values()) list.sort((a, b) => cmp(a.id, b.id));
  return new Map([...slots].sort(([a], [b]) => cmp(a, b)));
}

/** Voters two topics share when that counts as an overlap, else 0. */
export function audienceOverlap(demand: Demand, a: string, b: string): number {
  const shared = sharedVoters(demand, a, b);
  const smaller = Math.min(interestOf(demand, a), interestOf(demand, b));
  return shared >= OVERLAP_MIN_SHARED && shared >= OVERLAP_MIN_SHARE * smaller ? shared : 0;
}

export function findConflicts(
  topics: readonly GridTopic[],
  spaces: readonly GridSpace[],
  demand: Demand | null,
): Conflict[] {
  const capacity = new Map(spaces.map((s) => [s.id, s.capacity]));
  const out: Conflict[] = [];
  for (const [slotId, list] of bySlot(topics)) {
    const byConvener = new Map<string, string[]>();
    for (const t of list)
      byConvener.set(convenerKey(t), [...(byConvener.get(convenerKey(t)) ?? []), t.id]);
    for (const [key, ids] of [...byConvener].sort(([a], [b]) => cmp(a, b))) {
      if (ids.length > 1)
        out.push({
          kind: 'convener-double-booked',
          slotId,
          convener: key.split('\u0000')[0]!,
          topicIds: ids,
        });
    }
    if (!demand) continue;
    for (const t of list) {
      const cap = capacity.get(t.space!);
      const interest = interestOf(demand, t.id);
      if (cap !== undefined && interest > cap) {
        out.push({
          kind: 'over-capacity',
          slotId,
          spaceId: t.space!,
          topicId: t.id,
          interest,
          capacity: cap,
        });
      }
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const shared = audienceOverlap(demand, list[i]!.id, list[j]!.id);
        if (shared > 0)
          out.push({
            kind: 'audience-overlap',
            slotId,
            topicIds: [list[i]!.id, list[j]!.id],
            shared,
          });
      }
    }
  }
  return out;
}

/** The conflicts that involve one topic, for marking its card on the grid. */
export const conflictsOf = (conflicts: readonly Conflict[], topicId: string): Conflict[] =>
  conflicts.filter((c) => ('topicId' in c ? c.topicId === topicId : c.topicIds.includes(topicId)));

import { findConflicts, type GridSpace, type GridTopic } from './conflicts.ts';
import { convenerKey, interestOf, type Demand } from './demand.ts';

/**
 * Auto-schedule: proposes a cell for every unplaced topic, keeping hand-placed topics
 * where they are. Deterministic: no randomness, every tie broken by order then id.
 *
 * Objective (also the "attendance served" of scheduleQuality), summed over slots:
 *   sum over the slot's topics of min(interest, capacity of its space)
 *   - overlap loss: sum of interests - number of distinct voters in the slot
 *     (someone who wants k topics of one slot can attend only one of them).
 * Hard constraints: one topic per cell; a convener never gets two topics in one slot.
 *
 * 1. Greedy: unplaced topics by demand (interest, then dots, desc; then id), each into
 *    the free cell of the best gain = min(interest, capacity) - voters it shares with
 *    the slot. Ties: a space that fits (smallest such), then earlier slot, then space
 *    order. A topic with no legal cell stays unplaced (reported).
 * 2. Local improvement: up to OS_SCHEDULE_MAX_PASSES sweeps over the proposed topics (in id order),
 *    each trying every swap with another proposed topic and every move to a free cell,
 *    taking the change whenever it strictly raises the objective; stops at a sweep with
 *    no change. Hand-placed topics never move.
 */
export const OS_SCHEDULE_MAX_PASSES = 20;

export interface Placement {
  topicId: string;
  slotId: string;
  spaceId: string;
}

export interface ScheduleInput {
  topics: readonly GridTopic[];
  slots: readonly { id: string }[];
  spaces: readonly GridSpace[];
  demand: Demand;
}

export interface Quality {
  placed: number;
  unplaced: number;
  conflicts: number;
  /** People-topic wishes (sum of interests over all topics). */
  requested: number;
  /** Wishes the grid can serve (the objective above), at most requested. */
  served: number;
  /** served / requested, 1 when nothing was requested. */
  attendanceServed: number;
}

type Cell = { slot: string; space: string };

/** The grid being built: who is where, what is free. */
class Grid {
  readonly at = new Map<string, Cell>();
  readonly inSlot = new Map<string, Set<string>>();
  readonly taken = new Set<string>();
  private readonly capacity: Map<string, number>;
  private readonly conveners: Map<string, string>;
  /** Each topic's voters as a bitset, so a slot's distinct audience is a few ORs. */
  private readonly bits = new Map<string, Uint32Array>();
  private readonly words: number;
  private readonly scores = new Map<string, number>();

  constructor(private readonly input: ScheduleInput) {
    this.capacity = new Map(input.spaces.map((s) => [s.id, s.capacity]));
    this.conveners = new Map(input.topics.map((t) => [t.id, convenerKey(t)]));
    for (const s of input.slots) this.inSlot.set(s.id, new Set());
    const index = new Map<string, number>();
    for (const voters of input.demand.voters.values())
      for (const v of voters) if (!index.has(v)) index.set(v, index.size);
    this.words = Math.ceil(index.size / 32);
    for (const [topic, voters] of input.demand.voters) {
      const b = new Uint32Array(this.words);
      for (const v of voters) b[index.get(v)! >>> 5]! |= 1 << (index.get(v)! & 31);
      this.bits.set(topic, b);
    }
  }

  put(id: string, cell: Cell): void {
    this.at.set(id, cell);
    this.inSlot.get(cell.slot)?.add(id);
    this.taken.add(key(cell));
    this.scores.delete(cell.slot);
  }

  remove(id: string): void {
    const cell = this.at.get(id);
    if (!cell) return;
    this.at.delete(id);
    this.inSlot.get(cell.slot)?.delete(id);
    this.taken.delete(key(cell));
    this.scores.delete(cell.slot);
  }

  /** May topic `id` join `slot`, ignoring the topics in `except` (being moved)? */
  convenerFree(id: string, slot: string, except: ReadonlySet<string>): boolean {
    const me = this.conveners.get(id);
    for (const other of this.inSlot.get(slot) ?? []) {
      if (other !== id && !except.has(other) && this.conveners.get(other) === me) return false;
    }
    return true;
  }

  slotScore(slot: string): number {
    let score = this.scores.get(slot);
    if (score === undefined) {
      score = this.evaluate(
        [...(this.inSlot.get(slot) ?? [])].map((id) => [id, this.at.get(id)!.space]),
      );
      this.scores.set(slot, score);
    }
    return score;
  }

  /** The score a slot would have with these topics in these spaces (nothing is changed). */
  evaluate(entries: readonly (readonly [string, string])[]): number {
    const { demand } = this.input;
    let sum = 0;
    let interests = 0;
    const union = new Uint32Array(this.words);
    for (const [id, space] of entries) {
      const interest = interestOf(demand, id);
      sum += Math.min(interest, this.capacity.get(space) ?? 0);
      interests += interest;
      const b = this.bits.get(id);
      if (b) for (let w = 0; w < this.words; w++) union[w]! |= b[w]!;
    }
    let distinct = 0;
    for (let w = 0; w < this.words; w++) distinct += popcount(union[w]!);
    return sum - (interests - distinct);
  }

  /** A slot's entries after `moves` (topic -> its new cell) are made. */
  entriesAfter(slot: string, moves: ReadonlyMap<string, Cell>): [string, string][] {
    const entries: [string, string][] = [];
    for (const id of this.inSlot.get(slot) ?? [])
      if (!moves.has(id)) entries.push([id, this.at.get(id)!.space]);
    for (const [id, cell] of moves) if (cell.slot === slot) entries.push([id, cell.space]);
    return entries;
  }

  score(): number {
    let total = 0;
    for (const slot of this.inSlot.keys()) total += this.slotScore(slot);
    return total;
  }

  freeCells(): Cell[] {
    const cells: Cell[] = [];
    for (const s of this.input.slots) {
      for (const p of this.input.spaces)
        if (!this.taken.has(key({ slot: s.id, space: p.id })))
          cells.push({ slot: s.id, space: p.id });
    }
    return cells;
  }

  cap(space: string): number {
    return this.capacity.get(space) ?? 0;
  }
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const key = (c: Cell): string => `${c.slot}\u0000${c.space}`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function gridOf(input: ScheduleInput): Grid {
  const grid = new Grid(input);
  const slots = new Set(input.slots.map((s) => s.id));
  const spaces = new Set(input.spaces.map((s) => s.id));
  for (const t of input.topics) {
    if (t.slot === null || t.space === null || !slots.has(t.slot) || !spaces.has(t.space)) continue;
    if (!grid.taken.has(key({ slot: t.slot, space: t.space })))
      grid.put(t.id, { slot: t.slot, space: t.space });
  }
  return grid;
}

function greedy(input: ScheduleInput, grid: Grid): string[] {
  const { demand } = input;
  const todo = input.topics
    .filter((t) => !grid.at.has(t.id))
    .sort(
      (a, b) =>
        interestOf(demand, b.id) - interestOf(demand, a.id) ||
        (demand.dots.get(b.id) ?? 0) - (demand.dots.get(a.id) ?? 0) ||
        cmp(a.id, b.id),
    );
  const unplaced: string[] = [];
  for (const t of todo) {
    const cell = bestCell(input, grid, t.id);
    if (cell) grid.put(t.id, cell);
    else unplaced.push(t.id);
  }
  return unplaced;
}

function bestCell(input: ScheduleInput, grid: Grid, id: string): Cell | null {
  const interest = interestOf(input.demand, id);
  const voters = input.demand.voters.get(id) ?? new Set<string>();
  let best: { cell: Cell; gain: number; fit: number } | null = null;
  const none = new Set<string>();
  const sharedBySlot = new Map<string, number>();
  for (const cell of grid.freeCells()) {
    if (!grid.convenerFree(id, cell.slot, none)) continue;
    let shared = sharedBySlot.get(cell.slot);
    if (shared === undefined) {
      shared = 0;
      for (const other of grid.inSlot.get(cell.slot) ?? []) {
        for (const v of input.demand.voters.get(other) ?? []) if (voters.has(v)) shared++;
      }
      sharedBySlot.set(cell.slot, shared);
    }
    const cap = grid.cap(cell.space);
    const gain = Math.min(interest, cap) - shared;
    // Lower is better: spaces that fit, smallest first; then the largest that does not.
    const fit = cap >= interest ? cap : Number.MAX_SAFE_INTEGER - cap;
    if (!best || gain > best.gain || (gain === best.gain && fit < best.fit))
      best = { cell, gain, fit };
  }
  return best?.cell ?? null;
}

function improve(grid: Grid, movable: readonly string[]): void {
  for (let pass = 0; pass < OS_SCHEDULE_MAX_PASSES; pass++) {
    let changed = false;
    for (let i = 0; i < movable.length; i++) {
      for (let j = i + 1; j < movable.length; j++)
        changed = trySwap(grid, movable[i]!, movable[j]!) || changed;
      for (const cell of grid.freeCells()) changed = tryMove(grid, movable[i]!, cell) || changed;
    }
    if (!changed) return;
  }
}

function trySwap(grid: Grid, a: string, b: string): boolean {
  const ca = grid.at.get(a);
  const cb = grid.at.get(b);
  if (!ca || !cb) return false;
  const pair = new Set([a, b]);
  if (!grid.convenerFree(a, cb.slot, pair) || !grid.convenerFree(b, ca.slot, pair)) return false;
  return tryChange(
    grid,
    new Map([
      [a, cb],
      [b, ca],
    ]),
  );
}

function tryMove(grid: Grid, id: string, to: Cell): boolean {
  if (!grid.at.has(id) || !grid.convenerFree(id, to.slot, new Set([id]))) return false;
  return tryChange(grid, new Map([[id, to]]));
}

/** Makes `moves` if the slots they touch score strictly better together; else nothing. */
function tryChange(grid: Grid, moves: Map<string, Cell>): boolean {
  const touched = new Set<string>();
  for (const [id, cell] of moves) touched.add(grid.at.get(id)!.slot).add(cell.slot);
  let before = 0;
  let after = 0;
  for (const slot of touched) {
    before += grid.slotScore(slot);
    after += grid.evaluate(grid.entriesAfter(slot, moves));
  }
  if (after <= before) return false;
  for (const id of moves.keys()) grid.remove(id);
  for (const [id, cell] of moves) grid.put(id, cell);
  return true;
}

/** Proposes placements for every unplaced topic; hand placements are kept as they are. */
export function autoSchedule(input: ScheduleInput): {
  placements: Placement[];
  unplaced: string[];
} {
  const grid = gridOf(input);
  const fixed = new Set(grid.at.keys());
  const unplaced = greedy(input, grid);
  const movable = [...grid.at.keys()].filter((id) => !fixed.has(id)).sort(cmp);
  improve(grid, movable);
  const placements = movable.map((topicId) => {
    const cell = grid.at.get(topicId)!;
    return { topicId, slotId: cell.slot, spaceId: cell.space };
  });
  return { placements, unplaced: unplaced.sort(cmp) };
}

/** The topics as they would be with `placements` applied on top. */
export function withPlacements<T extends GridTopic>(
  topics: readonly T[],
  placements: readonly Placement[],
): T[] {
  const at = new Map(placements.map((p) => [p.topicId, p]));
  return topics.map((t) => {
    const p = at.get(t.id);
    return p ? { ...t, slot: p.slotId, space: p.spaceId } : t;
  });
}

/** Conflicts left and attendance served of a grid (hand-made or proposed). */
export function scheduleQuality(input: ScheduleInput): Quality {
  const grid = gridOf(input);
  const requested = input.topics.reduce((s, t) => s + interestOf(input.demand, t.id), 0);
  const served = Math.max(0, grid.score());
  return {
    placed: grid.at.size,
    unplaced: input.topics.length - grid.at.size,
    conflicts: findConflicts(input.topics, input.spaces, input.demand).length,
    requested,
    served,
    attendanceServed: requested === 0 ? 1 : served / requested,
  };
}

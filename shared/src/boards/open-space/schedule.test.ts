import { describe, expect, it } from 'vitest';
import { findConflicts, type GridTopic } from './conflicts.ts';
import { demandFrom } from './demand.ts';
import { autoSchedule, scheduleQuality, withPlacements, type ScheduleInput } from './schedule.ts';

const topic = (
  id: string,
  owner = `o-${id}`,
  slot: string | null = null,
  space: string | null = null,
): GridTopic => ({
  id,
  owner,
  convener: owner,
  slot,
  space,
});

/** voters: topic id -> voter ids. */
const demandOf = (voters: Record<string, string[]>) => {
  const ballots = new Map<string, Record<string, number>>();
  for (const [t, vs] of Object.entries(voters)) {
    for (const v of vs) ballots.set(v, { ...(ballots.get(v) ?? {}), [t]: 1 });
  }
  return demandFrom(ballots);
};
const people = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('autoSchedule', () => {
  it('puts the most wanted topic in the space that fits it best, and keeps hand placements', () => {
    const input: ScheduleInput = {
      topics: [topic('big'), topic('small'), topic('fixed', 'o-f', 's2', 'hall')],
      slots: [{ id: 's1' }, { id: 's2' }],
      spaces: [
        { id: 'hall', capacity: 50 },
        { id: 'room', capacity: 10 },
      ],
      demand: demandOf({ big: people('a', 40), small: people('b', 8), fixed: people('c', 5) }),
    };
    const { placements, unplaced } = autoSchedule(input);
    expect(unplaced).toEqual([]);
    expect(placements).toEqual([
      { topicId: 'big', slotId: 's1', spaceId: 'hall' },
      { topicId: 'small', slotId: 's1', spaceId: 'room' },
    ]);
    expect(placements.some((p) => p.topicId === 'fixed')).toBe(false);
  });

  it('never double-books a convener, and leaves a topic unplaced when it must', () => {
    const input: ScheduleInput = {
      topics: [topic('t1', 'ana'), topic('t2', 'ana'), topic('t3', 'ana')],
      slots: [{ id: 's1' }, { id: 's2' }],
      spaces: [
        { id: 'p1', capacity: 10 },
        { id: 'p2', capacity: 10 },
      ],
      demand: demandOf({ t1: ['x'], t2: ['y'], t3: ['z'] }),
    };
    const { placements, unplaced } = autoSchedule(input);
    expect(placements).toHaveLength(2);
    expect(new Set(placements.map((p) => p.slotId)).size).toBe(2);
    expect(unplaced).toHaveLength(1);
    const after = withPlacements(input.topics, placements);
    expect(findConflicts(after, input.spaces, input.demand)).toEqual([]);
  });

  it('separates two topics wanted by the same people into different slots', () => {
    const same = people('v', 6);
    const input: ScheduleInput = {
      topics: [topic('a'), topic('b'), topic('c'), topic('d')],
      slots: [{ id: 's1' }, { id: 's2' }],
      spaces: [
        { id: 'p1', capacity: 20 },
        { id: 'p2', capacity: 20 },
      ],
      demand: demandOf({ a: same, b: same, c: people('w', 3), d: people('x', 2) }),
    };
    const { placements } = autoSchedule(input);
    const slotOf = (id: string) => placements.find((p) => p.topicId === id)?.slotId;
    expect(slotOf('a')).not.toBe(slotOf('b'));
    const q = scheduleQuality({ ...input, topics: withPlacements(input.topics, placements) });
    expect(q).toMatchObject({
      conflicts: 0,
      served: 17,
      requested: 17,
      attendanceServed: 1,
      unplaced: 0,
    });
  });

  it('beats a poor hand-made schedule on the same grid, and is deterministic', () => {
    const spaces = [
      { id: 'p1', capacity: 30 },
      { id: 'p2', capacity: 10 },
      { id: 'p3', capacity: 5 },
    ];
    const slots = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
    const ids = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
    const voters: Record<string, string[]> = {};
    ids.forEach((id, i) => (voters[id] = people(`g${i % 3}-`, 4 + i * 3)));
    const demand = demandOf(voters);
    // Hand-made: the most popular topics crammed into the smallest rooms.
    const hand = ids.map((id, i) =>
      topic(id, `o${id}`, slots[i % 3]!.id, spaces[2 - Math.floor(i / 3)]?.id ?? null),
    );
    const handQuality = scheduleQuality({ topics: hand, slots, spaces, demand });
    const open = ids.map((id) => topic(id));
    const first = autoSchedule({ topics: open, slots, spaces, demand });
    const again = autoSchedule({ topics: [...open].reverse(), slots, spaces, demand });
    expect(again).toEqual(first);
    const auto = scheduleQuality({
      topics: withPlacements(open, first.placements),
      slots,
      spaces,
      demand,
    });
    expect(auto.served).toBeGreaterThan(handQuality.served);
    expect(auto.conflicts).toBeLessThan(handQuality.conflicts);
  });

  it('schedules 80 topics for 300 people on a 6 x 14 grid without a convener clash', () => {
    const slots = Array.from({ length: 6 }, (_, i) => ({ id: `slot${i}` }));
    const spaces = Array.from({ length: 14 }, (_, i) => ({
      id: `space${i}`,
      capacity: 10 + ((i * 7) % 40),
    }));
    const topics = Array.from({ length: 80 }, (_, i) =>
      topic(`topic${String(i).padStart(2, '0')}`, `conv${i % 60}`),
    );
    const ballots = new Map<string, Record<string, number>>();
    for (let v = 0; v < 300; v++) {
      const dots: Record<string, number> = {};
      for (let k = 0; k < 5; k++) dots[topics[(v * 7 + k * k * 13) % 80]!.id] = 1;
      ballots.set(`voter${v}`, dots);
    }
    const demand = demandFrom(ballots);
    const { placements, unplaced } = autoSchedule({ topics, slots, spaces, demand });
    expect(placements.length + unplaced.length).toBe(80);
    expect(placements.length).toBe(80);
    const conflicts = findConflicts(withPlacements(topics, placements), spaces, demand);
    expect(conflicts.filter((c) => c.kind === 'convener-double-booked')).toEqual([]);
  });
});

describe('scheduleQuality', () => {
  it('counts capacity and overlap losses', () => {
    const input: ScheduleInput = {
      topics: [topic('a', 'oa', 's1', 'small'), topic('b', 'ob', 's1', 'big'), topic('c')],
      slots: [{ id: 's1' }],
      spaces: [
        { id: 'small', capacity: 2 },
        { id: 'big', capacity: 10 },
      ],
      // a: 4 people (2 fit), b: 3 people of whom 2 also want a.
      demand: demandOf({ a: ['p1', 'p2', 'p3', 'p4'], b: ['p1', 'p2', 'p5'], c: ['p6'] }),
    };
    // served = min(4,2) + min(3,10) - (4 + 3 - 5 distinct) = 2 + 3 - 2 = 3 of 8 requested.
    expect(scheduleQuality(input)).toEqual({
      placed: 2,
      unplaced: 1,
      conflicts: 2,
      requested: 8,
      served: 3,
      attendanceServed: 3 / 8,
    });
  });

  it('serves everything when nothing was asked', () => {
    const q = scheduleQuality({
      topics: [topic('a')],
      slots: [],
      spaces: [],
      demand: demandOf({}),
    });
    expect(q.attendanceServed).toBe(1);
  });
});

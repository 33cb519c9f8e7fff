import type { ClientRole, ClientSpec, RoomRef, ScenarioName } from './plan.ts';

/** One scenario's shape; `quick` is the reduced version `--quick` runs. */
export interface Scenario {
  name: ScenarioName;
  rooms: number;
  clientsPerRoom: number;
  /** Per room: real providers with full docs that edit, and that only watch. */
  writers: number;
  observers: number;
  /** Per room: light clients that publish presence. */
  presencers: number;
  rateHz: number;
  durationMs: number;
  /** Driven but not measured first (JIT warm-up in every process). */
  warmupMs: number;
  joinWindowMs: number;
  /** Topics (cards) the board holds before anyone joins. */
  seedTopics: number;
  /** What the writers are (full providers by default). */
  writerRole?: 'writer' | 'light-writer' | 'typist' | 'voter';
  /** Saturation: total edits/s of the room, one measurement per step on the same clients. */
  steps?: number[];
  /** Generator processes (default: one per 400 clients). */
  generators?: number;
  /** Vote storm: dots per participant. */
  voteBudget?: number;
  /** Only for Twinspace's own servers (the peers have no commands). */
  twinspaceOnly?: boolean;
}

const base = {
  writers: 0,
  observers: 0,
  presencers: 0,
  rateHz: 1,
  durationMs: 0,
  warmupMs: 0,
  joinWindowMs: 0,
  seedTopics: 0,
};

export const FULL: Scenario[] = [
  // 10 writers x 2 edits/s = 20 edits/s into one room of 500.
  {
    ...base,
    name: 'fan-out',
    rooms: 1,
    clientsPerRoom: 500,
    writers: 10,
    observers: 10,
    rateHz: 2,
    durationMs: 60_000,
    warmupMs: 5_000,
  },
  {
    ...base,
    name: 'presence',
    rooms: 1,
    clientsPerRoom: 300,
    presencers: 60,
    rateHz: 10,
    durationMs: 60_000,
    warmupMs: 5_000,
  },
  {
    ...base,
    name: 'join-storm',
    rooms: 1,
    clientsPerRoom: 300,
    joinWindowMs: 10_000,
    seedTopics: 200,
  },
  {
    ...base,
    name: 'many-rooms',
    rooms: 50,
    clientsPerRoom: 40,
    writers: 1,
    observers: 1,
    rateHz: 2,
    durationMs: 60_000,
    warmupMs: 5_000,
  },
  ...capacity({ clients: 300, writers: 40, stepMs: 10_000, rooms: 10, perRoom: 30 }),
  {
    ...base,
    name: 'vote-storm',
    rooms: 1,
    clientsPerRoom: 300,
    writers: 300,
    writerRole: 'voter',
    durationMs: 10_000,
    seedTopics: 40,
    voteBudget: 5,
    twinspaceOnly: true,
  },
];

export const QUICK: Scenario[] = [
  {
    ...base,
    name: 'fan-out',
    rooms: 1,
    clientsPerRoom: 200,
    writers: 10,
    observers: 5,
    rateHz: 2,
    durationMs: 5_000,
    warmupMs: 1_000,
  },
  {
    ...base,
    name: 'presence',
    rooms: 1,
    clientsPerRoom: 100,
    presencers: 20,
    rateHz: 10,
    durationMs: 5_000,
    warmupMs: 1_000,
  },
  {
    ...base,
    name: 'join-storm',
    rooms: 1,
    clientsPerRoom: 100,
    joinWindowMs: 2_000,
    seedTopics: 200,
  },
  {
    ...base,
    name: 'many-rooms',
    rooms: 10,
    clientsPerRoom: 20,
    writers: 1,
    observers: 1,
    rateHz: 2,
    durationMs: 5_000,
    warmupMs: 1_000,
  },
  ...capacity({ clients: 100, writers: 20, stepMs: 3_000, rooms: 4, perRoom: 15 }),
  {
    ...base,
    name: 'vote-storm',
    rooms: 1,
    clientsPerRoom: 100,
    writers: 100,
    writerRole: 'voter',
    durationMs: 5_000,
    seedTopics: 40,
    voteBudget: 5,
    twinspaceOnly: true,
  },
];

/**
 * Saturation (one room, the total edit rate stepping up, writers that cost the generator
 * no more than a light client) and typing (rooms of people typing session notes, three per
 * room at 8 keystrokes/s each).
 */
function capacity(o: {
  clients: number;
  writers: number;
  stepMs: number;
  rooms: number;
  perRoom: number;
}): Scenario[] {
  return [
    {
      ...base,
      name: 'saturation',
      rooms: 1,
      clientsPerRoom: o.clients,
      writers: o.writers,
      writerRole: 'light-writer',
      steps: [20, 50, 100, 200, 400, 800],
      durationMs: o.stepMs,
      warmupMs: 1_000,
      generators: 3,
    },
    {
      ...base,
      name: 'typing',
      rooms: o.rooms,
      clientsPerRoom: o.perRoom,
      writers: 3,
      writerRole: 'typist',
      rateHz: 8,
      durationMs: o.stepMs * 2,
      warmupMs: 1_000,
    },
  ];
}

export const totalClients = (s: Scenario): number => s.rooms * s.clientsPerRoom;

/** The clients of every room: writers first, then observers, presencers, light clients. */
export function clientSpecs(
  s: Scenario,
  rooms: RoomRef[],
  urls: string[],
  routeByBoard = false,
): ClientSpec[] {
  const specs: ClientSpec[] = [];
  rooms.forEach((room, r) => {
    const home = homeOf(urls, room.name);
    for (let i = 0; i < s.clientsPerRoom; i++) {
      const role: ClientRole =
        i < s.writers
          ? (s.writerRole ?? 'writer')
          : i < s.writers + s.observers
            ? 'observer'
            : i < s.writers + s.observers + s.presencers
              ? 'presencer'
              : 'light';
      const n = specs.length;
      const url = routeByBoard ? home : urls[n % urls.length]!;
      specs.push({ id: `r${r}c${i}`, role, room, url });
    }
  });
  return specs;
}

/** The process a board's clients use when routed by board (its code's place on the ring). */
export const homeOf = (urls: string[], code: string): string =>
  urls[boardHash(code) % urls.length]!;

/** A stable hash of a board code (FNV-1a), as a balancer hashing on the code would use. */
function boardHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** How many generator processes: enough to keep each well under one core. */
export const generatorCount = (s: Scenario): number =>
  s.generators ?? (totalClients(s) >= 400 ? 2 : 1);

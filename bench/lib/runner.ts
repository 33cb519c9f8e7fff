import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FullClient } from '../gen/full.ts';
import { Tally } from '../gen/tally.ts';
import type { RunningServer } from '../servers/index.ts';
import { Histogram } from './histogram.ts';
import { nowMs } from './markers.ts';
import type { FromGen, GenPlan, GenReport, RoomRef, ToGen } from './plan.ts';
import { sampleAll } from './proc.ts';
import { clientSpecs, generatorCount, homeOf, totalClients, type Scenario } from './scenarios.ts';
import { prepareRooms, readTallies } from './prepare.ts';
import { checkVotes } from './votes.ts';
import type { RunResult } from './report.ts';

const GEN = path.resolve(import.meta.dirname, '../gen/main.ts');

/** A generator child process with a promise for its next message of a given type. */
class Generator {
  private readonly waiting = new Map<
    string,
    { resolve: (m: FromGen) => void; reject: (e: Error) => void }
  >();
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromGen) => this.waiting.get(m.type)?.resolve(m));
    child.once('exit', (code) => {
      for (const [type, w] of this.waiting)
        w.reject(new Error(`generator exited (${code}) waiting for ${type}`));
    });
  }
  static start(): Generator {
    return new Generator(
      fork(GEN, [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }
  next<T extends FromGen['type']>(type: T): Promise<Extract<FromGen, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiting.set(type, {
        resolve: (m) => resolve(m as Extract<FromGen, { type: T }>),
        reject,
      });
    });
  }
  send(msg: ToGen): void {
    this.child.send(msg);
  }
}

/** Puts the board's topics in place before the storm, and keeps the seeder connected (peers keep documents in memory only while someone is there). */
export async function seed(
  server: RunningServer,
  room: RoomRef,
  topics: number,
): Promise<FullClient | null> {
  if (topics === 0) return null;
  const url = server.routeByBoard ? homeOf(server.urls, room.name) : server.urls[0]!;
  const spec = { id: 'seeder', role: 'writer' as const, url, room };
  const seeder = new FullClient(server.protocol, spec, new Tally());
  await seeder.open(true);
  seeder.createCards(
    topics,
    (i) => `Topic ${i + 1}: how our two cities could run a joint project on theme ${i % 17}`,
  );
  for (;;) {
    const check = new FullClient(
      server.protocol,
      { ...spec, id: 'seed-check', role: 'observer' },
      new Tally(),
    );
    await check.open();
    const seen = check.doc.getMap('cards').size;
    check.close();
    if (seen >= topics) return seeder;
    await sleep(100); // poll interval until the server has the seed
  }
}

/**
 * Connects the scenario's clients once, then measures: one run, or one per step of a
 * stepped scenario (saturation), each a RunResult of its own.
 */
export async function runScenario(
  s: Scenario,
  server: RunningServer,
  socketPresence = false,
): Promise<RunResult[]> {
  const rooms = await Promise.all(Array.from({ length: s.rooms }, (_, i) => server.createRoom(i)));
  const seeders: (FullClient | null)[] = [];
  const gens: Generator[] = [];
  try {
    if (s.name !== 'vote-storm') seeders.push(await seed(server, rooms[0]!, s.seedTopics));
    seeders.push(...(await prepareRooms(s, server, rooms)));
    const specs = clientSpecs(s, rooms, server.urls, server.routeByBoard);
    gens.push(...Array.from({ length: generatorCount(s) }, () => Generator.start()));
    const before = sampleAll(server.pids);
    const connected = gens.map((g) => g.next('connected'));
    gens.forEach((g, i) =>
      g.send({ type: 'plan', plan: planFor(s, i, gens.length, specs, server, socketPresence) }),
    );
    await Promise.all(connected);
    const afterConnect = sampleAll(server.pids);
    const results: RunResult[] = [];
    const writers = Math.max(1, s.writers * s.rooms);
    for (const total of s.steps ?? [null]) {
      const step =
        total === null ? undefined : { rateHz: total / writers, durationMs: s.durationMs };
      const m = await measure(s, server, gens, step);
      const at = { before, afterConnect, ...m.at };
      const r = summarize(s, server, m.reports, at, socketPresence);
      if (total !== null) r.step = total;
      if (s.name === 'vote-storm')
        await checkVotes(r, s, m.reports, await readTallies(server, rooms[0]!));
      results.push(r);
    }
    return results;
  } finally {
    for (const g of gens) {
      if (g.child.connected) g.send({ type: 'exit' });
      else g.child.kill();
    }
    await Promise.all(
      gens.map((g) =>
        g.child.exitCode === null ? new Promise((r) => g.child.once('exit', r)) : null,
      ),
    );
    for (const c of seeders) c?.close();
  }
}

/** One measurement on connected generators: warm-up, the run, then every receiver drains. */
async function measure(
  s: Scenario,
  server: RunningServer,
  gens: Generator[],
  step: { rateHz: number; durationMs: number } | undefined,
): Promise<{ reports: GenReport[]; at: Pick<Samples, 'runStart' | 'afterRun'> }> {
  // One instant for every generator: an edit sent after it is expected at every receiver,
  // and every receiver counts it (each generator taking its own instant lost the edits
  // sent between two generators' instants: 250 "missing" deliveries in a 500-client run).
  const measureFrom = nowMs() + s.warmupMs;
  const sentP = Promise.all(
    gens.map(
      (g) => (g.send({ type: 'go', measureFrom, ...(step ? { step } : {}) }), g.next('sent')),
    ),
  );
  // The generators stop warming up after s.warmupMs: server CPU counts from there.
  await sleep(s.warmupMs);
  const runStart = sampleAll(server.pids);
  const sent = await sentP;
  const sentPerRoom = mergeSent(sent.map((m) => m.perRoom));
  const reports = await Promise.all(
    gens.map((g) => (g.send({ type: 'drain', sentPerRoom }), g.next('report'))),
  );
  return {
    reports: reports.map((r) => r.report),
    at: { runStart, afterRun: sampleAll(server.pids) },
  };
}

function planFor(
  s: Scenario,
  gen: number,
  gens: number,
  specs: GenPlan['clients'],
  server: RunningServer,
  socketPresence: boolean,
): GenPlan {
  return {
    gen,
    protocol: server.protocol,
    scenario: s.name,
    clients: specs.filter((_, i) => i % gens === gen),
    rateHz: s.rateHz,
    durationMs: s.durationMs,
    warmupMs: s.warmupMs,
    // Each generator takes its share of the storm over the same window.
    joinWindowMs: s.joinWindowMs,
    socketPresence,
    drainTimeoutMs: 10_000,
    voteBudget: s.voteBudget ?? 0,
  };
}

function mergeSent(
  parts: Record<string, Record<string, number>>[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const part of parts)
    for (const [room, senders] of Object.entries(part)) Object.assign((out[room] ??= {}), senders);
  return out;
}

interface Samples {
  before: { cpuSeconds: number; rssKb: number };
  afterConnect: { cpuSeconds: number; rssKb: number };
  runStart: { cpuSeconds: number; rssKb: number };
  afterRun: { cpuSeconds: number; rssKb: number };
}

function summarize(
  s: Scenario,
  server: RunningServer,
  reports: GenReport[],
  at: Samples,
  socketPresence: boolean,
): RunResult {
  const join = s.name === 'join-storm';
  const latency = new Histogram();
  for (const r of reports) latency.merge(join ? r.syncedMs : r.latency);
  const allSeen = allSeenHistogram(reports, s.clientsPerRoom - 1);
  const clients = totalClients(s);
  const runSeconds = (join ? s.joinWindowMs : s.durationMs) / 1000;
  const cpuSeconds = join
    ? at.afterConnect.cpuSeconds - at.before.cpuSeconds
    : at.afterRun.cpuSeconds - at.runStart.cpuSeconds;
  const genCpu = reports.reduce(
    (sum, r) => sum + (join ? r.cpuSecondsConnect : r.cpuSecondsRun),
    0,
  );
  const measured = reports.reduce((sum, r) => sum + r.measuredClients, 0);
  const synced = reports.reduce((sum, r) => sum + r.synced, 0);
  return {
    scenario: socketPresence ? 'presence (Socket.IO)' : s.name,
    server: server.kind,
    clients,
    p50Ms: round(latency.percentile(50)),
    p95Ms: round(latency.percentile(95)),
    p99Ms: round(latency.percentile(99)),
    maxMs: round(latency.total ? latency.max : null),
    allSeenP99Ms: join ? null : round(allSeen.percentile(99)),
    cpuSeconds: round(cpuSeconds),
    serverCores: round(cpuSeconds / Math.max(runSeconds, 0.001)),
    rssPerClientKb: round((at.afterConnect.rssKb - at.before.rssKb) / clients),
    rssKb: at.afterConnect.rssKb,
    bytesPerClient:
      join || measured === 0
        ? null
        : Math.round(reports.reduce((sum, r) => sum + r.bytes, 0) / measured),
    // Socket.IO presence is aggregated (counts and names once a second): nothing to match.
    delivered: join
      ? synced
      : socketPresence
        ? 0
        : reports.reduce((sum, r) => sum + r.delivered, 0),
    expected: join ? clients : socketPresence ? 0 : reports.reduce((sum, r) => sum + r.expected, 0),
    failedClients: reports.reduce((sum, r) => sum + r.failed, 0),
    generatorCpuSeconds: round(genCpu),
    generatorCoresMax: round(
      Math.max(...reports.map((r) => (join ? r.cpuSecondsConnect : r.cpuSecondsRun))) /
        Math.max(runSeconds, 0.001),
    ),
    generators: reports.length,
    generatorCores: reports.map((r) => round(r.cpuSecondsRun / Math.max(runSeconds, 0.001))!),
    rssAfterKb: at.afterRun.rssKb,
    errors: reports.flatMap((r) => r.errors).slice(0, 5),
  };
}

/** Per edit, the time until the last receiver had it ("seen by every other client"). */
function allSeenHistogram(reports: GenReport[], receivers: number): Histogram {
  const edits = new Map<string, { max: number; count: number }>();
  for (const r of reports) {
    for (const [key, t] of Object.entries(r.edits)) {
      const e = edits.get(key);
      if (e) {
        e.count += t.count;
        e.max = Math.max(e.max, t.max);
      } else edits.set(key, { ...t });
    }
  }
  const h = new Histogram();
  if (process.env.BENCH_DEBUG) {
    // Per sequence number, the slowest "seen by all": shows warm-up or periodic stalls.
    const bySeq = new Map<number, number>();
    for (const [k, e] of edits)
      bySeq.set(Number(k.split(':')[1]), Math.max(bySeq.get(Number(k.split(':')[1])) ?? 0, e.max));
    console.log(
      [...bySeq]
        .sort((a, b) => a[0] - b[0])
        .map(([s, m]) => `${s}:${m.toFixed(0)}`)
        .join(' '),
    );
  }
  for (const e of edits.values()) if (e.count >= receivers) h.record(e.max);
  return h;
}

const round = (n: number | null): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 100) / 100;

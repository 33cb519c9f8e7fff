import { setTimeout as sleep } from 'node:timers/promises';
import { nowMs } from '../lib/markers.ts';
import type { ClientSpec, FromGen, GenPlan, GenReport, ToGen } from '../lib/plan.ts';
import { FullClient } from './full.ts';
import { LightClient } from './light.ts';
import { LightWriter } from './light-writer.ts';
import { Tally } from './tally.ts';
import { Voter, VoteTally } from './voter.ts';

/**
 * A load-generator process. The coordinator sends a plan; the generator connects its
 * clients, then on `go` drives edits or presence for the duration, reports what it
 * sent, waits until its receivers have everything (or a timeout), and reports.
 */
type Client = LightClient | FullClient;
const EDITORS = new Set(['writer', 'presencer', 'light-writer', 'typist']);

// y-websocket's provider adds a process 'exit' listener per instance.
process.setMaxListeners(0);

const send = (msg: FromGen): void => void process.send?.(msg);
const tally = new Tally();
let plan: GenPlan;
const clients: Client[] = [];
const errors: string[] = [];
let failed = 0;
let cpuAtStart = process.cpuUsage();
let cpuConnect = 0;

const cpuSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

function makeClient(spec: ClientSpec): Client {
  const supersede = plan.scenario === 'presence';
  if (spec.role === 'writer' || spec.role === 'observer' || spec.role === 'typist')
    return new FullClient(plan.protocol, spec, tally);
  if (spec.role === 'light-writer') return new LightWriter(plan.protocol, spec, tally, false);
  if (spec.role === 'voter') return new Voter(plan.protocol, spec, tally, false);
  return new LightClient(plan.protocol, spec, tally, supersede);
}

async function connectOne(spec: ClientSpec, startedAt: number): Promise<void> {
  const client = makeClient(spec);
  try {
    await client.open();
    tally.synced.record(nowMs() - startedAt);
    clients.push(client);
  } catch (error) {
    failed++;
    if (errors.length < 5) errors.push(`${spec.id}: ${String(error)}`);
    client.close();
  }
}

async function connectAll(): Promise<void> {
  cpuAtStart = process.cpuUsage();
  const specs = plan.clients;
  if (plan.joinWindowMs > 0) {
    // Join storm: every client starts on its own schedule; time to synced counts from there.
    const step = plan.joinWindowMs / Math.max(1, specs.length);
    const t0 = nowMs();
    await Promise.all(
      specs.map(async (spec, i) => {
        await sleep(Math.max(0, t0 + i * step - nowMs()));
        await connectOne(spec, nowMs());
      }),
    );
  } else {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        await connectOne(spec, nowMs());
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
  cpuConnect = cpuSince(cpuAtStart);
  // Each writer creates the one card it will edit (its own: rule-compliant in Twinspace).
  for (const c of clients) {
    if (c instanceof FullClient && roleOf(c) === 'writer') c.createCards(1, () => 'benchmark card');
    if (c instanceof LightWriter) c.createCard();
  }
}

/** One tick of an active client: an edit, a keystroke or a presence state. */
function tick(c: Client): void {
  if (c instanceof LightWriter) c.edit();
  else if (c instanceof FullClient) {
    const topic = plan.clients.find((s) => s.id === c.receiver.self)?.room.notesTopic;
    if (roleOf(c) === 'typist' && topic) c.type(topic);
    else c.edit();
  } else c.sendPresence(plan.socketPresence);
}

/** Vote storm: every voter spends its budget within the run; nothing else is driven. */
async function storm(measureFrom: number): Promise<void> {
  await sleep(Math.max(0, measureFrom - nowMs()));
  runStart = process.cpuUsage();
  await Promise.all(
    clients.map((c) =>
      c instanceof Voter
        ? c.voteAll(c.topics(), plan.voteBudget, plan.durationMs, votes)
        : Promise.resolve(),
    ),
  );
  driveCpu = cpuSince(runStart);
}

/** Drives writers and presencers at plan.rateHz each, evenly phased, for the duration. */
async function drive(measureFrom: number): Promise<Record<string, Record<string, number>>> {
  tally.measureFrom = measureFrom;
  const period = 1000 / plan.rateHz;
  const active = clients.filter((c) => EDITORS.has(roleOf(c)));
  const perRoom: Record<string, Record<string, number>> = {};
  const timers = active.map((c, i) =>
    setTimeout(
      () => {
        tick(c);
        timers[i] = setInterval(() => tick(c), period);
      },
      (i * period) / active.length,
    ),
  );
  await sleep(Math.max(0, measureFrom - nowMs()));
  tally.measuring = true;
  runStart = process.cpuUsage();
  await sleep(plan.durationMs);
  for (const t of timers) clearInterval(t);
  driveCpu = cpuSince(runStart);
  for (const c of active) {
    const room = (perRoom[c.receiver.room] ??= {});
    room[c.receiver.self] = c.sent;
  }
  return perRoom;
}

let roles = new Map<string, string>();
const roleOf = (c: Client): string => roles.get(c.receiver.self) ?? 'light';

function expectedFor(c: Client, sentPerRoom: Record<string, Record<string, number>>): number {
  const room = sentPerRoom[c.receiver.room] ?? {};
  return Object.entries(room).reduce(
    (sum, [sender, n]) => sum + (sender === c.receiver.self ? 0 : n),
    0,
  );
}

/** Waits until every receiver has what was sent to its room (or the timeout); returns [delivered, expected]. */
async function drain(
  sentPerRoom: Record<string, Record<string, number>>,
): Promise<[number, number]> {
  const expected = clients.reduce((sum, c) => sum + expectedFor(c, sentPerRoom), 0);
  const deadline = Date.now() + plan.drainTimeoutMs;
  // Capped per client: a superseding presence state may account for a warm-up state too.
  const delivered = (): number =>
    clients.reduce((s, c) => s + Math.min(c.receiver.received, expectedFor(c, sentPerRoom)), 0);
  while (delivered() < expected && Date.now() < deadline) await sleep(50); // poll, not a timing assumption
  return [delivered(), expected];
}

function report([delivered, expected]: [number, number], runCpu: number): GenReport {
  errors.push(...votes.errors.splice(0));
  return {
    gen: plan.gen,
    latency: tally.latency.toData(),
    edits: Object.fromEntries(tally.edits),
    delivered,
    expected,
    syncedMs: tally.synced.toData(),
    synced: clients.length,
    failed,
    bytes: tally.bytes,
    measuredClients: clients.length,
    cpuSecondsConnect: cpuConnect,
    cpuSecondsRun: runCpu,
    errors,
    ...(plan.scenario === 'vote-storm' ? { votes: votes.toReport() } : {}),
  };
}

let runStart = process.cpuUsage();
/** Generator CPU while driving (not while draining): near 1 core means it was saturated. */
let driveCpu = 0;
let votes = new VoteTally();
process.on('message', (msg: ToGen) => {
  void (async () => {
    if (msg.type === 'plan') {
      plan = msg.plan;
      roles = new Map(plan.clients.map((s) => [s.id, s.role]));
      await connectAll();
      send({ type: 'connected', synced: clients.length, failed, errors });
    } else if (msg.type === 'go') {
      // Every step of a stepped scenario is a new measurement on the same connections.
      if (msg.step) plan = { ...plan, ...msg.step };
      tally.reset();
      votes = new VoteTally();
      for (const c of clients) {
        c.receiver.received = 0;
        if ('sent' in c) c.sent = 0;
      }
      if (plan.scenario === 'vote-storm') {
        await storm(msg.measureFrom);
        send({ type: 'sent', perRoom: {} });
      } else send({ type: 'sent', perRoom: await drive(msg.measureFrom) });
    } else if (msg.type === 'drain') {
      const counts = await drain(msg.sentPerRoom);
      send({ type: 'report', report: report(counts, driveCpu) });
    } else if (msg.type === 'exit') {
      for (const c of clients) c.close();
      process.exit(0);
    }
  })();
});
process.on('disconnect', () => process.exit(0));

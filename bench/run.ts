import fs from 'node:fs';
import path from 'node:path';
import { capacityTable, saturationTable } from './lib/capacity.ts';
import { saturationSvg } from './lib/plot.ts';
import { runScenario } from './lib/runner.ts';
import { FULL, QUICK, totalClients } from './lib/scenarios.ts';
import { table, writeResults, type RunResult } from './lib/report.ts';
import { cleanupRedis } from './lib/redis.ts';
import { NotAvailable, startServer, type ServerKind } from './servers/index.ts';

/**
 * npm run bench [-- --quick] [--only fan-out,presence] [--servers twinspace,hocuspocus] [--out name]
 * Scenarios: fan-out, presence, join-storm, many-rooms, saturation, typing, vote-storm.
 * Every server runs in its own process, freshly started for every scenario, and is
 * driven by separate generator processes. Results go to bench/results/.
 */
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const quick = args.includes('--quick');
const only = flag('only')?.split(',');
const servers = (flag('servers')?.split(',') ?? [
  'twinspace',
  'twinspace-redis',
  'hocuspocus',
  'y-websocket',
]) as ServerKind[];
const scenarios = (quick ? QUICK : FULL).filter((s) => !only || only.includes(s.name));

const results: RunResult[] = [];
const started = Date.now();
const unavailable = new Map<ServerKind, string>();

for (const scenario of scenarios) {
  for (const kind of servers) {
    // The vote storm is Twinspace's commands: the peers have nothing to compare.
    if (scenario.twinspaceOnly && !kind.startsWith('twinspace')) continue;
    const variants = kind === 'twinspace' && scenario.name === 'presence' ? [false, true] : [false];
    for (const socketPresence of variants) {
      const label = `${scenario.name}${socketPresence ? ' (Socket.IO)' : ''} on ${kind}`;
      const skip = unavailable.get(kind);
      if (skip) {
        results.push(notAvailable(scenario.name, kind, totalClients(scenario), skip));
        continue;
      }
      process.stdout.write(`${label} ... `);
      try {
        const server = await startServer(kind);
        try {
          const rs = await runScenario(scenario, server, socketPresence);
          results.push(...rs);
          for (const r of rs) {
            console.log(
              `${r.step === undefined ? '' : `\n  ${r.step} edits/s: `}p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, cpu ${r.cpuSeconds} s, ${r.delivered}/${r.expected}${r.generatorCores ? `, generators ${r.generatorCores.join('/')} cores` : ''}`,
            );
            if (r.errors.length) console.log(`  errors: ${r.errors.join('; ')}`);
          }
        } finally {
          await server.stop();
        }
      } catch (error) {
        // One failed run (a server that would not start, a crashed generator) is a row
        // in the results, not the end of the benchmark.
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        if (error instanceof NotAvailable) unavailable.set(kind, message);
        console.log(`${error instanceof NotAvailable ? 'not available' : 'failed'}: ${message}`);
        results.push(notAvailable(scenario.name, kind, totalClients(scenario), message));
      }
    }
  }
}
await cleanupRedis();

// A partial run (--only/--servers) never overwrites the complete results.
const partial = only !== undefined || flag('servers') !== undefined;
// --out <name> writes <name>.json (and <name>-saturation.svg) instead, kept apart from both.
const name = `${flag('out') ?? `${quick ? 'latest' : 'full'}${partial ? '-partial' : ''}`}.json`;
const file = path.join(import.meta.dirname, 'results', name);
writeResults(file, results, {
  mode: quick ? 'quick' : 'full',
  seconds: Math.round((Date.now() - started) / 1000),
});
console.log(`\n${table(results)}`);
if (results.some((r) => r.step !== undefined)) {
  // The curve of p99 against edit rate, beside the results it was drawn from.
  const svg = file.replace(/\.json$/, '-saturation.svg');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  fs.writeFileSync(
    svg,
    saturationSvg(results, `Saturation, one room (${quick ? 'quick' : 'full'} run, ${when} UTC)`),
  );
  console.log(
    `\n${saturationTable(results)}\n\n${capacityTable(results)}\n\nplot: ${path.relative(process.cwd(), svg)}`,
  );
}
console.log(
  `\nwritten to ${path.relative(process.cwd(), file)} in ${Math.round((Date.now() - started) / 1000)} s`,
);

function notAvailable(
  scenario: string,
  server: ServerKind,
  clients: number,
  reason: string,
): RunResult {
  return {
    scenario,
    server,
    clients,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    allSeenP99Ms: null,
    cpuSeconds: null,
    serverCores: null,
    rssPerClientKb: null,
    rssKb: 0,
    bytesPerClient: null,
    delivered: 0,
    expected: 0,
    failedClients: 0,
    generatorCpuSeconds: null,
    generatorCoresMax: null,
    generators: 0,
    errors: [],
    notAvailable: reason,
  };
}

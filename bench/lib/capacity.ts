import { SERVER_LABELS, type ServerKind } from '../servers/index.ts';
import type { RunResult } from './report.ts';

/** p99 delivery at or under this, and nothing lost: the step is carried. */
export const P99_LIMIT_MS = 100;
/** A generator process at or above this many cores may have been the bottleneck. */
const GENERATOR_SATURATED = 0.9;

export const generatorSaturated = (r: RunResult): boolean =>
  (r.generatorCores ?? []).some((c) => c >= GENERATOR_SATURATED);

const carried = (r: RunResult): boolean =>
  r.p99Ms !== null &&
  r.p99Ms <= P99_LIMIT_MS &&
  r.delivered === r.expected &&
  r.expected > 0 &&
  r.failedClients === 0;

interface Capacity {
  server: ServerKind;
  /** The highest counted step carried (null: none). */
  editsPerSecond: number | null;
  /** True when a step above it could not count because a generator was saturated. */
  generatorLimited: boolean;
}

/**
 * Per server: the highest step with p99 <= 100 ms and nothing lost, as the issue defines it;
 * a step where a generator was saturated does not count either way. A lower step that missed
 * (a pause of the shared machine) does not cap it: the table shows every step.
 */
function capacities(results: RunResult[]): Capacity[] {
  const servers = [...new Set(results.filter((r) => r.step !== undefined).map((r) => r.server))];
  return servers.map((server) => {
    const steps = results.filter(
      (r) => r.server === server && r.step !== undefined && !r.notAvailable,
    );
    const counted = steps.filter((r) => !generatorSaturated(r));
    const best = Math.max(-1, ...counted.filter(carried).map((r) => r.step!));
    const editsPerSecond = best < 0 ? null : best;
    const generatorLimited = steps.some(
      (r) => generatorSaturated(r) && r.step! > (editsPerSecond ?? 0),
    );
    return { server, editsPerSecond, generatorLimited };
  });
}

export function capacityTable(results: RunResult[]): string {
  const rows = capacities(results).map(
    (c) =>
      `| ${SERVER_LABELS[c.server]} | ${c.editsPerSecond === null ? 'below the first step' : `${c.editsPerSecond} edits/s`}${c.generatorLimited ? ' (a generator was saturated above it: at least this)' : ''} |`,
  );
  return ['| server | capacity |', '| --- | --- |', ...rows].join('\n');
}

/** Per step: latency, losses, server CPU and each generator's CPU (the saturation table). */
export function saturationTable(results: RunResult[]): string {
  const rows = results
    .filter((r) => r.step !== undefined && !r.notAvailable)
    .map((r) =>
      [
        SERVER_LABELS[r.server],
        `${r.step}`,
        `${r.p50Ms ?? '-'}`,
        `${r.p99Ms ?? '-'}`,
        `${r.delivered}/${r.expected}`,
        `${r.serverCores ?? '-'}`,
        `${Math.round((r.rssAfterKb ?? 0) / 1024)}`,
        (r.generatorCores ?? []).join(' / ') + (generatorSaturated(r) ? ' (saturated)' : ''),
      ].join(' | '),
    );
  const head =
    '| server | edits/s | p50 ms | p99 ms | delivered/expected | server cores | RSS MB | generator cores |';
  return [
    head,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

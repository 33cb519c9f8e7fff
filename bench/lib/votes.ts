import { Histogram } from './histogram.ts';
import type { GenReport } from './plan.ts';
import type { RunResult } from './report.ts';
import type { Scenario } from './scenarios.ts';

const round = (n: number | null): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 100) / 100;

/**
 * A vote storm's result: latency is tap to acknowledgement; delivered/expected counts the
 * dots accepted against the dots spent; the tallies the board shows must equal the dots
 * the voters were told were counted, and every tap past the budget must have been refused.
 */
export async function checkVotes(
  r: RunResult,
  s: Scenario,
  reports: GenReport[],
  tallies: Record<string, number>,
): Promise<void> {
  const latency = new Histogram();
  const perTopic: Record<string, number> = {};
  let ok = 0;
  let overBudgetRefused = 0;
  let wrong = 0;
  let unanswered = 0;
  for (const rep of reports) {
    const v = rep.votes;
    if (!v) continue;
    latency.merge(v.latency);
    ok += v.ok;
    overBudgetRefused += v.overBudgetRefused;
    wrong += v.wrong;
    unanswered += v.unanswered;
    for (const [t, n] of Object.entries(v.perTopic)) perTopic[t] = (perTopic[t] ?? 0) + n;
  }
  const voters = r.clients;
  const topics = new Set([...Object.keys(perTopic), ...Object.keys(tallies)]);
  const mismatched = [...topics].filter((t) => (tallies[t] ?? 0) !== (perTopic[t] ?? 0));
  r.p50Ms = round(latency.percentile(50));
  r.p95Ms = round(latency.percentile(95));
  r.p99Ms = round(latency.percentile(99));
  r.maxMs = round(latency.total ? latency.max : null);
  r.delivered = ok;
  r.expected = voters * (s.voteBudget ?? 0);
  r.votes = {
    talliesExact: mismatched.length === 0,
    overBudgetRefused,
    overBudgetTaps: voters,
    wrong,
    unanswered,
  };
  if (mismatched.length > 0)
    r.errors.push(`tallies differ on ${mismatched.length} topics, e.g. ${mismatched[0]}`);
}

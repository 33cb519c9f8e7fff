import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_LABELS, type ServerKind } from '../servers/index.ts';

export interface RunResult {
  scenario: string;
  server: ServerKind;
  clients: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Per edit, until every other client had it. */
  allSeenP99Ms: number | null;
  cpuSeconds: number | null;
  serverCores: number | null;
  rssPerClientKb: number | null;
  rssKb: number;
  bytesPerClient: number | null;
  delivered: number;
  expected: number;
  failedClients: number;
  generatorCpuSeconds: number | null;
  /** The busiest generator process, in cores: near 1 would mean it was the bottleneck. */
  generatorCoresMax: number | null;
  generators: number;
  /** Each generator process's CPU while driving, in cores (saturation counts a step only if all are well under 1). */
  generatorCores?: number[];
  /** Server RSS after the run (saturation: after each step, so the peak shows). */
  rssAfterKb?: number;
  /** Saturation: the room's total edit rate in this step (edits/s). */
  step?: number;
  votes?: {
    talliesExact: boolean;
    overBudgetRefused: number;
    overBudgetTaps: number;
    wrong: number;
    unanswered: number;
  };
  errors: string[];
  notAvailable?: string;
}

export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

export function writeResults(
  file: string,
  results: RunResult[],
  extra: Record<string, unknown>,
): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = { machine: machine(), date: new Date().toISOString(), ...extra, results };
  fs.writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
}

const cell = (v: number | null | undefined): string =>
  v === null || v === undefined ? '-' : String(v);

/** A Markdown table, also readable in a terminal. */
export function table(results: RunResult[]): string {
  const head = [
    'scenario',
    'server',
    'clients',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'all-seen p99',
    'server CPU s',
    'cores',
    'RSS/client KB',
    'bytes/client',
    'delivered/expected',
    'gen cores (max)',
  ];
  const rows = results.map((r) =>
    r.notAvailable
      ? [
          r.scenario,
          SERVER_LABELS[r.server],
          String(r.clients),
          `not available: ${r.notAvailable}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]
      : [
          r.step === undefined ? r.scenario : `${r.scenario} ${r.step}/s`,
          SERVER_LABELS[r.server],
          String(r.clients),
          cell(r.p50Ms),
          cell(r.p95Ms),
          cell(r.p99Ms),
          cell(r.maxMs),
          cell(r.allSeenP99Ms),
          cell(r.cpuSeconds),
          cell(r.serverCores),
          cell(r.rssPerClientKb),
          cell(r.bytesPerClient),
          `${r.delivered}/${r.expected}${r.failedClients ? ` (${r.failedClients} failed)` : ''}`,
          cell(r.generatorCoresMax),
        ],
  );
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

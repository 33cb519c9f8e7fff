import { SERVER_LABELS } from '../servers/index.ts';
import { generatorSaturated, P99_LIMIT_MS } from './capacity.ts';
import type { RunResult } from './report.ts';

const W = 640;
const H = 400;
const M = { left: 60, right: 20, top: 30, bottom: 90 };
const COLORS = ['#1b6ac9', '#c23b22', '#2e8b57', '#8a4fbf', '#b8860b'];

/** Log scale from [lo, hi] onto [a, b]. */
const logScale =
  (lo: number, hi: number, a: number, b: number) =>
  (v: number): number =>
    a +
    ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (b - a);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * p99 delivery against the total edit rate, one line per server (both axes logarithmic),
 * with the 100 ms line that defines capacity. A hollow point is a step where a generator
 * was saturated (it does not count); a cross marks a step that lost deliveries.
 */
export function saturationSvg(results: RunResult[], title: string): string {
  const rows = results.filter((r) => r.step !== undefined && r.p99Ms !== null && !r.notAvailable);
  const steps = [...new Set(rows.map((r) => r.step!))].sort((a, b) => a - b);
  const maxMs = Math.max(1000, ...rows.map((r) => r.p99Ms!));
  const x = logScale(steps[0] ?? 10, steps.at(-1) ?? 1000, M.left, W - M.right);
  const y = logScale(1, maxMs, H - M.bottom, M.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13">${esc(title)}</text>`,
  ];
  for (const s of steps)
    out.push(
      `<line x1="${x(s)}" x2="${x(s)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`,
      `<text x="${x(s)}" y="${H - M.bottom + 14}" text-anchor="middle">${s}</text>`,
    );
  for (let ms = 1; ms <= maxMs; ms *= 10)
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#eee"/>`,
      `<text x="${M.left - 6}" y="${y(ms) + 4}" text-anchor="end">${ms}</text>`,
    );
  out.push(
    `<line x1="${M.left}" x2="${W - M.right}" y1="${y(P99_LIMIT_MS)}" y2="${y(P99_LIMIT_MS)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${M.left + 4}" y="${y(P99_LIMIT_MS) - 4}" fill="#666">p99 limit ${P99_LIMIT_MS} ms</text>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 30}" text-anchor="middle">edits/s into one room (log)</text>`,
    `<text x="14" y="${(M.top + H - M.bottom) / 2}" transform="rotate(-90 14 ${(M.top + H - M.bottom) / 2})" text-anchor="middle">p99 delivery, ms (log)</text>`,
  );
  const servers = [...new Set(rows.map((r) => r.server))];
  servers.forEach((server, i) => {
    const color = COLORS[i % COLORS.length]!;
    const pts = rows.filter((r) => r.server === server).sort((a, b) => a.step! - b.step!);
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((r) => `${x(r.step!).toFixed(1)},${y(r.p99Ms!).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const r of pts) {
      const [cx, cy] = [x(r.step!).toFixed(1), y(r.p99Ms!).toFixed(1)];
      const fill = generatorSaturated(r) ? 'white' : color;
      out.push(
        `<circle cx="${cx}" cy="${cy}" r="4" fill="${fill}" stroke="${color}" stroke-width="1.5"/>`,
      );
      if (r.delivered < r.expected)
        out.push(
          `<text x="${cx}" y="${Number(cy) - 7}" text-anchor="middle" fill="${color}">x</text>`,
        );
    }
    const ly = H - M.bottom + 48 + Math.floor(i / 2) * 14;
    const lx = M.left + (i % 2) * 280;
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${lx + 24}" y="${ly}">${esc(SERVER_LABELS[server])}</text>`,
    );
  });
  out.push(
    `<text x="${W - M.right}" y="${H - 6}" text-anchor="end" fill="#666">hollow: a generator was saturated (step not counted); x: deliveries lost</text>`,
    '</svg>',
  );
  return out.join('\n') + '\n';
}

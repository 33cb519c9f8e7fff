import fs from 'node:fs';

/** CPU and memory of another process, read from /proc (Linux), like pidusage does. */
const CLK_TCK = 100;

export interface ProcSample {
  cpuSeconds: number;
  rssKb: number;
}

export function sampleProc(pid: number): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = /VmRSS:\s+(\d+) kB/.exec(status);
  return { cpuSeconds: (utime + stime) / CLK_TCK, rssKb: rss ? Number(rss[1]) : 0 };
}

/** Sums samples over several processes (a scaled-out server). */
export function sampleAll(pids: readonly number[]): ProcSample {
  return pids
    .map(sampleProc)
    .reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssKb: a.rssKb + b.rssKb }), {
      cpuSeconds: 0,
      rssKb: 0,
    });
}

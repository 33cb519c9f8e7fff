import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Launched {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a server process and waits for the `"port":N` in its output. Extra node
 * flags (e.g. --cpu-prof) come from BENCH_SERVER_NODE_FLAGS, for profiling.
 */
export async function launch(
  script: string,
  env: Record<string, string>,
  cwd = ROOT,
  nodeFlags: readonly string[] = [],
): Promise<Launched> {
  const extra = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, ...extra, '--import', 'tsx', script], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() =>
      reject(new Error(`${script} exited before listening: ${output.slice(-600)}`)),
    );
  });
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  return {
    port,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The Node flags Twinspace runs with in production: those of `npm run serve` in the root
 * package.json (the Dockerfile's CMD is checked against it by server/test/compose.test.ts).
 */
export function productNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const serve = pkg.scripts['serve'] ?? '';
  // Flags with a value (--max-semi-space-size=1) and without (--no-foo) alike; a `serve` this
  // cannot read stops the benchmark rather than measuring Twinspace without its flags.
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) --import tsx /.exec(serve);
  if (!match) throw new Error(`cannot read the Node flags of npm run serve: ${serve}`);
  return match[1]!.trim().split(' ').filter(Boolean);
}

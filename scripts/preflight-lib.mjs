// Pure helpers of scripts/preflight.mjs (plus the small Redis PING), unit-tested in
// scripts/preflight-lib.test.mjs. Plain JavaScript with no dependencies on purpose: the
// preflight must run before `npm install` has ever been run.
import net from 'node:net';
import tls from 'node:tls';

export const MIN_NODE = '20.19.0';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** "v20.19.1" | "20.19.1" -> [20, 19, 1]; null when it is not a version. */
export function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text).trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** True when `version` >= `min` (both "x.y.z", optional leading v). */
export function versionAtLeast(version, min) {
  const have = parseVersion(version);
  const need = parseVersion(min);
  if (!have || !need) return false;
  for (let i = 0; i < 3; i += 1) {
    if (have[i] !== need[i]) return have[i] > need[i];
  }
  return true;
}

/** The Chromium binary the browser tests will use: $CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumPath(env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  return fromEnv
    ? { path: fromEnv, fromEnv: true }
    : { path: DEFAULT_CHROMIUM_PATH, fromEnv: false };
}

/**
 * redis[s]://[[user]:password@]host[:port][/db] -> connection options.
 * Throws an Error with a readable message when the URL is not a Redis URL.
 */
export function parseRedisUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`REDIS_URL is not a URL like redis://host:6379: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://: ${JSON.stringify(text)}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const port = url.port ? Number(url.port) : 6379;
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new Error(`REDIS_URL has a bad database: ${url.pathname}`);
  return {
    host,
    port,
    tls: url.protocol === 'rediss:',
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db,
  };
}

/** The URL without its password, for messages. */
export function redactRedisUrl(text) {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return text;
  }
}

/** Encodes one command as a RESP array of bulk strings. */
export function encodeCommand(args) {
  let out = `*${args.length}\r\n`;
  for (const arg of args) out += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  return out;
}

/** The commands to send: AUTH (when the URL has a password), then PING. */
export function pingCommands(options) {
  const commands = [];
  if (options.password !== undefined) {
    commands.push(
      options.username !== undefined
        ? ['AUTH', options.username, options.password]
        : ['AUTH', options.password],
    );
  }
  commands.push(['PING']);
  return commands;
}

/**
 * Splits the RESP replies received so far into complete lines. Only simple strings (+),
 * errors (-) and integers (:) are expected in answer to AUTH and PING.
 * Returns { replies: string[], rest: string }.
 */
export function splitReplies(buffer) {
  const replies = [];
  let rest = buffer;
  let end = rest.indexOf('\r\n');
  while (end !== -1) {
    replies.push(rest.slice(0, end));
    rest = rest.slice(end + 2);
    end = rest.indexOf('\r\n');
  }
  return { replies, rest };
}

/**
 * Judges the first `count` replies to pingCommands() (count = number of commands sent):
 * { ok: true } when none is an error and the last is +PONG, else { ok: false, reason }
 * with the server's error (e.g. NOAUTH, WRONGPASS) or what a non-Redis server said.
 */
export function judgeReplies(replies, count = replies.length) {
  const mine = replies.slice(0, count);
  for (const reply of mine) {
    if (!/^[+\-:]/.test(reply)) {
      return { ok: false, reason: `not a Redis server? it answered ${JSON.stringify(reply)}` };
    }
    if (reply.startsWith('-')) return { ok: false, reason: `Redis answered ${reply.slice(1)}` };
  }
  const last = mine.at(-1);
  if (mine.length === count && last === '+PONG') return { ok: true };
  return { ok: false, reason: `unexpected answer ${JSON.stringify(last ?? '')}` };
}

/**
 * Sends PING (after AUTH when the URL carries a password) over a raw TCP (or TLS)
 * connection. Resolves { ok: true, ms } or { ok: false, reason }; never rejects.
 */
export function pingRedis(urlText, timeoutMs = 2000) {
  let options;
  try {
    options = parseRedisUrl(urlText);
  } catch (error) {
    return Promise.resolve({ ok: false, reason: error.message });
  }
  const commands = pingCommands(options);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let received = '';
    const replies = [];
    const connectOptions = { host: options.host, port: options.port };
    const socket = options.tls
      ? tls.connect({ ...connectOptions, servername: options.host })
      : net.connect(connectOptions);
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result.ok ? { ok: true, ms: Math.round(performance.now() - started) } : result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.setEncoding('utf8');
    socket.once(options.tls ? 'secureConnect' : 'connect', () => {
      socket.write(commands.map(encodeCommand).join(''));
    });
    socket.on('data', (chunk) => {
      const split = splitReplies(received + chunk);
      received = split.rest;
      replies.push(...split.replies);
      if (replies.length >= commands.length || replies.some((r) => !r.startsWith('+'))) {
        finish(judgeReplies(replies, commands.length));
      }
    });
    socket.on('error', (error) => {
      finish({ ok: false, reason: error.code ? `${error.code} ${error.message}` : error.message });
    });
    socket.on('close', () => finish({ ok: false, reason: 'connection closed without an answer' }));
  });
}

/**
 * Formats the problems found as one block of text for the terminal.
 * Each problem: { what, neededBy, fix: string[] }.
 */
export function formatProblems(problems) {
  const lines = [];
  for (const problem of problems) {
    lines.push(`MISSING: ${problem.what}`);
    lines.push(`  needed by: ${problem.neededBy}`);
    problem.fix.forEach((step, index) => {
      lines.push(`${index === 0 ? '  fix: ' : '       '}${step}`);
    });
    lines.push('');
  }
  const count = problems.length;
  lines.push(
    `preflight: ${count} problem${count === 1 ? '' : 's'} found; npm test cannot run until ${count === 1 ? 'it is' : 'they are'} fixed.`,
  );
  return lines.join('\n');
}

/**
 * Names of declared dependencies (root and workspace package.json files) that are not
 * installed. `exists(path)` is injected so this stays testable; paths are joined with "/".
 * `manifests`: [{ dir: '' | 'server' | ..., json: parsed package.json }].
 */
export function missingDependencies(manifests, exists) {
  const missing = new Set();
  for (const { dir, json } of manifests) {
    const names = Object.keys({ ...json.dependencies, ...json.devDependencies });
    for (const name of names) {
      const candidates = [`node_modules/${name}/package.json`];
      if (dir) candidates.push(`${dir}/node_modules/${name}/package.json`);
      if (!candidates.some((path) => exists(path))) missing.add(name);
    }
  }
  return [...missing].sort();
}

// Checks the deployment files (docker-compose.yml, Dockerfile, deploy/nginx.conf) against
// what the server needs when scaled out: one Redis with persistence, several app replicas
// pointing at it, and a WebSocket-aware, sticky load balancer in front.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(root + path, 'utf8');

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dict(value: unknown, what: string): Dict {
  if (!isDict(value)) throw new Error(`${what} should be a mapping`);
  return value;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** command / test / entrypoint: either a string or a list of strings. */
function words(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return list(value).map(String);
}

/** environment: either a mapping or a list of KEY=value. */
function environment(service: Dict): Record<string, string> {
  const env = service['environment'];
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map(String).map((entry) => {
        const eq = entry.indexOf('=');
        return eq === -1 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(dict(env ?? {}, 'environment')).map(([key, value]) => [key, String(value)]),
  );
}

/** depends_on: either a list of names or a mapping name -> { condition }. */
function dependsOn(service: Dict): string[] {
  const deps = service['depends_on'];
  return Array.isArray(deps) ? deps.map(String) : Object.keys(isDict(deps) ? deps : {});
}

/** The host side of a bind mount "./deploy/x.conf:/etc/...:ro" or { type: bind, source }. */
function bindSources(service: Dict): string[] {
  return list(service['volumes']).flatMap((volume) => {
    if (typeof volume === 'string') {
      const source = volume.split(':')[0] ?? '';
      return source.startsWith('.') || source.startsWith('/') ? [source] : [];
    }
    if (isDict(volume) && volume['type'] === 'bind') return [String(volume['source'])];
    return [];
  });
}

/** A minimal nginx config parser: directives and blocks, comments dropped. */
interface Directive {
  name: string;
  args: string[];
  block: Directive[] | null;
}

function parseNginx(text: string): Directive[] {
  const tokens =
    text
      .replace(/#[^\n]*/g, '')
      .match(/'[^']*'|"[^"]*"|[{};]|[^\s{};]+/g)
      ?.map((token) => token.replace(/^(['"])(.*)\1$/, '$2')) ?? [];
  let at = 0;
  const parseBlock = (): Directive[] => {
    const directives: Directive[] = [];
    while (at < tokens.length) {
      const token = tokens[at++];
      if (token === '}') return directives;
      const name = token ?? '';
      const args: string[] = [];
      while (at < tokens.length && tokens[at] !== ';' && tokens[at] !== '{') {
        args.push(tokens[at++] ?? '');
      }
      const end = tokens[at++];
      directives.push({ name, args, block: end === '{' ? parseBlock() : null });
    }
    return directives;
  };
  return parseBlock();
}

function findAll(directives: Directive[], name: string): Directive[] {
  return directives.flatMap((d) => [
    ...(d.name === name ? [d] : []),
    ...(d.block ? findAll(d.block, name) : []),
  ]);
}

/** nginx time ("3600", "60s", "1h", "10m") in seconds. */
function seconds(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value);
  if (!match) return Number.NaN;
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? 's'] ?? 1;
  return Number(match[1]) * unit;
}

const compose = dict(parse(read('docker-compose.yml')) as unknown, 'docker-compose.yml');
const services = dict(compose['services'], 'services');
const service = (name: string): Dict => dict(services[name], `services.${name}`);
const dockerfile = read('Dockerfile');

describe('docker-compose.yml', () => {
  it('has redis, app and lb services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['redis', 'app', 'lb']));
  });

  it('gives Redis room for the photos and never evicts (docs/photos.md)', () => {
    const command = words(service('redis')['command']);
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    const maxmemory = command[command.indexOf('--maxmemory') + 1] ?? '';
    const mb = /^(\d+)mb$/i.exec(maxmemory)?.[1];
    expect(mb, maxmemory).toBeDefined();
    const photos = Number(environment(service('app'))['PHOTOS_TOTAL_BYTES']);
    // The app refuses photos (507) well before Redis would refuse the boards' writes.
    expect(photos).toBeGreaterThan(0);
    expect(photos).toBeLessThanOrEqual(Number(mb) * 1024 * 1024 * 0.75);
  });

  it('runs Redis with an append-only file on a volume', () => {
    const redis = service('redis');
    expect(String(redis['image'])).toMatch(/^redis:7/);
    const command = words(redis['command']);
    expect(command[command.indexOf('--appendonly') + 1]).toBe('yes');
    expect(
      list(redis['volumes'])
        .map(String)
        .some((v) => v.endsWith(':/data')),
    ).toBe(true);
  });

  it('runs two app replicas built from this repository, pointed at the redis service', () => {
    const app = service('app');
    const build = app['build'];
    expect(isDict(build) ? build['context'] : build).toBe('.');
    expect(dict(app['deploy'], 'app.deploy')['replicas']).toBe(2);

    const env = environment(app);
    const redisUrl = new URL(env['REDIS_URL'] ?? '');
    expect(redisUrl.protocol).toBe('redis:');
    expect(redisUrl.hostname).toBe('redis');
    expect(Object.keys(services)).toContain(redisUrl.hostname);
    expect(redisUrl.port || '6379').toBe('6379');
    expect(env['PORT']).toBe('3000');
    expect(env['DATA_DIR']).toBe('/data');
    // Required from the environment, never a default baked into the file.
    expect(env['TICKET_SECRET']).toMatch(/^\$\{TICKET_SECRET:\?[^}]+\}$/);
  });

  it('starts the app after Redis, and has a health check', () => {
    const app = service('app');
    expect(dependsOn(app)).toContain('redis');
    const hasHealthcheck = app['healthcheck'] !== undefined || /^HEALTHCHECK\s/m.test(dockerfile);
    expect(hasHealthcheck).toBe(true);
  });

  it('checks the replicas for readiness (/readyz), and gives SIGTERM time to drain', () => {
    const app = service('app');
    const check = dict(app['healthcheck'], 'app.healthcheck');
    expect(words(check['test']).join(' ')).toContain('/readyz');
    expect(app['stop_grace_period']).toMatch(/^\d+s$/);
  });

  it('publishes no fixed host port on the replicated app (the load balancer does)', () => {
    const app = service('app');
    expect(app['ports']).toBeUndefined();
    expect(app['container_name']).toBeUndefined();
  });

  it('publishes the load balancer and mounts its config from deploy/', () => {
    const lb = service('lb');
    expect(list(lb['ports']).length).toBeGreaterThan(0);
    expect(dependsOn(lb)).toContain('app');
    const configs = bindSources(lb).filter((source) => /^\.\/deploy\//.test(source));
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) expect(existsSync(root + config.slice(2))).toBe(true);
  });
});

describe('deploy/nginx.conf', () => {
  const lb = service('lb');
  const configPath = bindSources(lb).find((source) => source.startsWith('./deploy/')) ?? '';
  const config = parseNginx(
    existsSync(root + configPath.slice(2)) ? read(configPath.slice(2)) : '',
  );

  it('balances over the app service, sticky per client', () => {
    const upstreams = findAll(config, 'upstream');
    expect(upstreams).toHaveLength(1);
    const upstream = upstreams[0]?.block ?? [];
    const servers = upstream.filter((d) => d.name === 'server').map((d) => d.args[0]);
    expect(servers).toContain('app:3000');
    const sticky = upstream.some(
      (d) =>
        d.name === 'ip_hash' || d.name === 'sticky' || (d.name === 'hash' && d.args.length > 0),
    );
    expect(sticky).toBe(true);
  });

  it.each(['/socket.io', '/yjs'])('passes WebSocket upgrades on %s', (path) => {
    const location = findAll(config, 'location').find(
      (d) => d.args.at(-1)?.replace(/\/$/, '') === path,
    );
    expect(location, `a location for ${path}`).toBeDefined();
    const block = location?.block ?? [];
    const value = (name: string): string[] | undefined => block.find((d) => d.name === name)?.args;
    const headers: Record<string, string | undefined> = Object.fromEntries(
      block
        .filter((d) => d.name === 'proxy_set_header')
        .map((d): [string, string | undefined] => [d.args[0] ?? '', d.args[1]]),
    );
    expect(value('proxy_pass')?.[0]).toMatch(/^http:\/\//);
    expect(value('proxy_http_version')).toEqual(['1.1']);
    expect(headers['Upgrade']).toBe('$http_upgrade');
    expect(headers['Connection']).toMatch(/^\$|^upgrade$/i);
    expect(seconds(value('proxy_read_timeout')?.[0] ?? '60s')).toBeGreaterThanOrEqual(600);
  });

  it('maps the Upgrade header to the Connection header', () => {
    const maps = findAll(config, 'map').filter((d) => d.args[0] === '$http_upgrade');
    expect(maps).toHaveLength(1);
    const variable = maps[0]?.args[1];
    const connections = findAll(config, 'proxy_set_header')
      .filter((d) => d.args[0] === 'Connection')
      .map((d) => d.args[1]);
    expect(connections).toContain(variable);
  });
});

describe('Dockerfile', () => {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const instruction = (name: string): string[] =>
    lines
      .filter((line) => line.toUpperCase().startsWith(`${name} `))
      .map((l) => l.slice(name.length + 1).trim());
  /** CMD ["a", "b"] or CMD a b -> ['a', 'b'] */
  const argv = (text: string): string[] =>
    text.startsWith('[') ? (JSON.parse(text) as unknown[]).map(String) : words(text);

  it('builds on node:20-bookworm-slim', () => {
    const from = instruction('FROM').map((f) => f.split(/\s+/)[0]);
    expect(from.length).toBeGreaterThan(0);
    for (const image of from) expect(image).toBe('node:20-bookworm-slim');
  });

  it('starts server/src/main.ts the way `npm run serve` does', () => {
    const start = [...instruction('ENTRYPOINT'), ...instruction('CMD')].flatMap(argv);
    expect(start).toContain('server/src/main.ts');
    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    expect(start.join(' ')).toBe(pkg.scripts?.['serve']);
  });

  it('exposes port 3000 and checks /healthz', () => {
    expect(instruction('EXPOSE')).toContain('3000');
    expect(instruction('HEALTHCHECK').join(' ')).toContain('/healthz');
  });

  it('copies every workspace manifest before npm ci (else npm ci fails)', () => {
    const pkg = JSON.parse(read('package.json')) as { workspaces?: string[] };
    const npmCi = lines.findIndex((line) => /^RUN .*\bnpm ci\b/.test(line));
    const copied = lines.slice(0, npmCi).filter((line) => line.startsWith('COPY '));
    for (const workspace of pkg.workspaces ?? []) {
      expect(copied.join('\n')).toContain(`${workspace}/package.json`);
    }
  });

  it('installs with npm ci and builds the client', () => {
    const runs = instruction('RUN').join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
  });
});

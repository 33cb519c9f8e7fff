import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  encodeCommand,
  formatProblems,
  judgeReplies,
  missingDependencies,
  parseRedisUrl,
  parseVersion,
  pingCommands,
  pingRedis,
  redactRedisUrl,
  splitReplies,
  versionAtLeast,
} from './preflight-lib.mjs';

describe('versions', () => {
  it('parses node versions with or without v', () => {
    expect(parseVersion('v20.19.1')).toEqual([20, 19, 1]);
    expect(parseVersion('22.12.0-nightly')).toEqual([22, 12, 0]);
    expect(parseVersion('twenty')).toBeNull();
  });

  it('compares component by component, not as text', () => {
    expect(versionAtLeast('20.19.0', '20.19.0')).toBe(true);
    expect(versionAtLeast('v20.20.2', '20.19.0')).toBe(true);
    expect(versionAtLeast('22.0.0', '20.19.0')).toBe(true);
    expect(versionAtLeast('20.9.0', '20.19.0')).toBe(false);
    expect(versionAtLeast('20.18.3', '20.19.0')).toBe(false);
    expect(versionAtLeast('18.20.0', '20.19.0')).toBe(false);
    expect(versionAtLeast('nonsense', '20.19.0')).toBe(false);
  });
});

describe('chromiumPath', () => {
  it('prefers CHROMIUM_PATH and falls back to /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toEqual({
      path: '/opt/chrome/chrome',
      fromEnv: true,
    });
    expect(chromiumPath({})).toEqual({ path: '/usr/bin/chromium', fromEnv: false });
    expect(chromiumPath({ CHROMIUM_PATH: '  ' })).toEqual({
      path: '/usr/bin/chromium',
      fromEnv: false,
    });
  });
});

describe('parseRedisUrl', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      tls: false,
      username: undefined,
      password: undefined,
      db: 0,
    });
    expect(parseRedisUrl('rediss://app:p%40ss@cache.example:6380/2')).toEqual({
      host: 'cache.example',
      port: 6380,
      tls: true,
      username: 'app',
      password: 'p@ss',
      db: 2,
    });
    expect(parseRedisUrl('redis://:secret@redis')).toMatchObject({
      host: 'redis',
      port: 6379,
      username: undefined,
      password: 'secret',
    });
    expect(parseRedisUrl('redis://[::1]:6379').host).toBe('::1');
  });

  it('refuses what is not a Redis URL', () => {
    expect(() => parseRedisUrl('127.0.0.1:6379')).toThrow(/redis:\/\//);
    expect(() => parseRedisUrl('http://localhost')).toThrow(/redis:\/\//);
    expect(() => parseRedisUrl('not a url')).toThrow(/not a URL/);
  });

  it('hides the password in messages', () => {
    expect(redactRedisUrl('redis://app:secret@host:6379')).toBe('redis://app:***@host:6379');
    expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
  });
});

describe('RESP', () => {
  it('encodes commands as arrays of bulk strings (byte lengths)', () => {
    expect(encodeCommand(['PING'])).toBe('*1\r\n$4\r\nPING\r\n');
    expect(encodeCommand(['AUTH', 'pä'])).toBe('*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n');
  });

  it('authenticates first only when the URL carries a password', () => {
    expect(pingCommands({})).toEqual([['PING']]);
    expect(pingCommands({ password: 's' })).toEqual([['AUTH', 's'], ['PING']]);
    expect(pingCommands({ username: 'u', password: 's' })).toEqual([['AUTH', 'u', 's'], ['PING']]);
  });

  it('splits complete replies and keeps the partial rest', () => {
    expect(splitReplies('+OK\r\n+PO')).toEqual({ replies: ['+OK'], rest: '+PO' });
    expect(splitReplies('')).toEqual({ replies: [], rest: '' });
  });

  it('judges the replies', () => {
    expect(judgeReplies(['+PONG'], 1)).toEqual({ ok: true });
    expect(judgeReplies(['+OK', '+PONG'], 2)).toEqual({ ok: true });
    expect(judgeReplies(['-NOAUTH Authentication required.'], 1)).toEqual({
      ok: false,
      reason: 'Redis answered NOAUTH Authentication required.',
    });
    expect(judgeReplies(['HTTP/1.1 400 Bad Request', ''], 1).reason).toMatch(/not a Redis/);
    expect(judgeReplies(['+OK'], 2).ok).toBe(false);
  });
});

describe('missingDependencies', () => {
  it('finds packages in the root or the workspace node_modules', () => {
    const installed = new Set([
      'node_modules/eslint/package.json',
      'server/node_modules/ws/package.json',
    ]);
    const manifests = [
      { dir: '', json: { devDependencies: { eslint: '10.0.0', vitest: '4.0.0' } } },
      { dir: 'server', json: { dependencies: { ws: '8.0.0', express: '5.0.0' } } },
      { dir: 'shared', json: {} },
    ];
    expect(missingDependencies(manifests, (path) => installed.has(path))).toEqual([
      'express',
      'vitest',
    ]);
  });
});

describe('formatProblems', () => {
  it('says what is missing, what needs it and how to get it', () => {
    const text = formatProblems([
      { what: 'Chromium', neededBy: 'e2e', fix: ['apt-get install -y chromium', 'or else'] },
    ]);
    expect(text).toContain('MISSING: Chromium');
    expect(text).toContain('needed by: e2e');
    expect(text).toContain('fix: apt-get install -y chromium');
    expect(text).toContain('or else');
    expect(text).toMatch(/1 problem found/);
  });
});

describe('pingRedis', () => {
  const servers = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((r) => server.close(r))));
  });

  /** A fake Redis answering with `answer(received)` once `expect` bytes have arrived. */
  async function fakeRedis(answer) {
    const received = [];
    const server = net.createServer((socket) => {
      socket.setEncoding('utf8');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
        const reply = answer(text);
        if (reply !== null) {
          received.push(text);
          socket.end(reply);
        }
      });
    });
    servers.push(server);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: server.address().port, received };
  }

  it('is ok when the server answers PONG', async () => {
    const redis = await fakeRedis((text) => (text.endsWith('PING\r\n') ? '+PONG\r\n' : null));
    const result = await pingRedis(`redis://127.0.0.1:${redis.port}`, 2000);
    expect(result.ok).toBe(true);
    expect(redis.received).toEqual(['*1\r\n$4\r\nPING\r\n']);
  });

  it('sends AUTH before PING when the URL has a password', async () => {
    const redis = await fakeRedis((text) =>
      text.endsWith('PING\r\n') ? '+OK\r\n+PONG\r\n' : null,
    );
    const result = await pingRedis(`redis://:s3cret@127.0.0.1:${redis.port}`, 2000);
    expect(result.ok).toBe(true);
    expect(redis.received[0]).toBe('*2\r\n$4\r\nAUTH\r\n$6\r\ns3cret\r\n*1\r\n$4\r\nPING\r\n');
  });

  it('reports a Redis error such as NOAUTH', async () => {
    const redis = await fakeRedis(() => '-NOAUTH Authentication required.\r\n');
    const result = await pingRedis(`redis://127.0.0.1:${redis.port}`, 2000);
    expect(result).toEqual({ ok: false, reason: 'Redis answered NOAUTH Authentication required.' });
  });

  it('times out when nothing answers', async () => {
    const redis = await fakeRedis(() => null);
    const result = await pingRedis(`redis://127.0.0.1:${redis.port}`, 150);
    expect(result).toEqual({ ok: false, reason: 'no answer within 150 ms' });
  });

  it('reports a refused connection', async () => {
    const redis = await fakeRedis(() => null);
    const port = redis.port;
    await new Promise((r) => servers.pop().close(r));
    const result = await pingRedis(`redis://127.0.0.1:${port}`, 2000);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/ECONNREFUSED/);
  });

  it('reports a malformed URL without connecting', async () => {
    const result = await pingRedis('localhost:6379', 2000);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/redis:\/\//);
  });
});

#!/usr/bin/env node
// Run first by `npm test`: checks that this machine can run the whole test suite and says
// plainly what is missing, what needs it and how to get it. Exits 1 when anything is missing.
//   node scripts/preflight.mjs
// Environment: TEST_REDIS_URL (default redis://127.0.0.1:6379, the Redis the tests use),
// CHROMIUM_PATH (default /usr/bin/chromium).
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_REDIS_URL,
  MIN_NODE,
  chromiumPath,
  formatProblems,
  missingDependencies,
  pingRedis,
  redactRedisUrl,
  versionAtLeast,
} from './preflight-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_TOOLS = 'apt-get install -y python3 make g++';
const problems = [];
const passed = [];

// 1. Node.js
const nodeVersion = process.versions.node;
if (versionAtLeast(nodeVersion, MIN_NODE)) {
  passed.push(`node v${nodeVersion}`);
} else {
  problems.push({
    what: `Node.js ${MIN_NODE} or newer (this is v${nodeVersion})`,
    neededBy: 'everything: vite, vitest, tsx and the server require Node >= 20.19',
    fix: ['install Node.js 20 (>= 20.19) or 22 LTS, e.g. `nvm install 22` or from nodejs.org'],
  });
}

// 2. Dependencies
if (!existsSync(join(root, 'node_modules'))) {
  problems.push({
    what: 'dependencies are not installed (there is no node_modules/)',
    neededBy: 'lint, typecheck, build and every test',
    fix: [
      'npm ci   (at the repository root; better-sqlite3 compiles from source,',
      `          which needs python3, make and g++: ${BUILD_TOOLS})`,
    ],
  });
} else {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifests = [{ dir: '', json: rootManifest }];
  for (const dir of rootManifest.workspaces ?? []) {
    const file = join(root, dir, 'package.json');
    if (existsSync(file)) manifests.push({ dir, json: JSON.parse(readFileSync(file, 'utf8')) });
  }
  const missing = missingDependencies(manifests, (path) => existsSync(join(root, path)));
  if (missing.length > 0) {
    problems.push({
      what: `${missing.length} declared package(s) not installed: ${missing.join(', ')}`,
      neededBy: 'lint, typecheck, build and the tests (package.json declares them)',
      fix: ['npm install   (or `npm ci` for a clean install from package-lock.json)'],
    });
  } else {
    const sqlite = checkBetterSqlite();
    if (sqlite === true) {
      passed.push('dependencies installed');
    } else {
      problems.push({
        what: `better-sqlite3's native addon does not load (${sqlite})`,
        neededBy: 'the server (embedded SQLite store) in the integration and browser tests',
        fix: [`npm rebuild better-sqlite3   (needs python3, make and g++: ${BUILD_TOOLS})`],
      });
    }
  }
}

// 3. Chromium
const chromium = chromiumPath(process.env);
const chromiumProblem = checkExecutable(chromium.path);
if (chromiumProblem === null) {
  passed.push(`chromium ${chromium.path}`);
} else {
  problems.push({
    what: chromium.fromEnv
      ? `Chromium: CHROMIUM_PATH=${chromium.path} ${chromiumProblem}`
      : `Chromium: ${chromium.path} ${chromiumProblem}`,
    neededBy:
      'the browser tests in e2e/ (playwright-core drives Chromium; npm test, npm run test:e2e)',
    fix: [
      'apt-get update && apt-get install -y chromium',
      'or set CHROMIUM_PATH to an installed Chromium or Chrome binary',
    ],
  });
}

// 4. Redis
const redisUrl = process.env.TEST_REDIS_URL?.trim() || DEFAULT_REDIS_URL;
const redis = await pingRedis(redisUrl, 2000);
if (redis.ok) {
  passed.push(`redis ${redactRedisUrl(redisUrl)} (PONG in ${redis.ms} ms)`);
} else {
  problems.push({
    what: `Redis at ${redactRedisUrl(redisUrl)} did not answer PING with PONG (${redis.reason})`,
    neededBy: 'the Redis store test and the scale-out integration tests (server/test/; not e2e/)',
    fix: [
      'apt-get install -y redis-server && redis-server --daemonize yes --save "" --appendonly no',
      'or set TEST_REDIS_URL to a Redis that answers (default redis://127.0.0.1:6379)',
    ],
  });
}

// 5. The redis-server program: a test restarts a Redis of its own on a free port.
const redisServer = (process.env.PATH ?? '')
  .split(':')
  .map((dir) => join(dir, 'redis-server'))
  .find((file) => checkExecutable(file) === null);
if (redisServer) {
  passed.push(`redis-server at ${redisServer}`);
} else {
  problems.push({
    what: 'the redis-server program is not on PATH',
    neededBy: 'the test that restarts Redis under running servers (server/test/scaleout.test.ts)',
    fix: ['apt-get install -y redis-server'],
  });
}

if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`preflight ok: ${passed.join(', ')}`);

/** null when `path` is an executable file, else what is wrong with it. */
function checkExecutable(path) {
  try {
    if (!statSync(path).isFile()) return 'is not a file';
  } catch {
    return 'does not exist';
  }
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return 'is not executable';
  }
}

/** true when better-sqlite3 loads and opens an in-memory database, else the error text. */
function checkBetterSqlite() {
  try {
    const require = createRequire(join(root, 'server', 'package.json'));
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    return String(error?.message ?? error).split('\n')[0];
  }
}

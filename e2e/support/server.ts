import fs from 'node:fs';
import path from 'node:path';
import { spawnServer, type ServerProcess } from '../../server/test/process.ts';
import { tempDir } from '../../server/test/harness.ts';

const DIST = path.resolve(import.meta.dirname, '../../client/dist/index.html');

/** The real product: the built client served by one server process with its own data. */
export async function startProduct(env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!fs.existsSync(DIST)) throw new Error('client/dist is missing: run `npm run build` first');
  return spawnServer({ DATA_DIR: tempDir('twinspace-e2e-'), ...env });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, onTestFinished } from 'vitest';
import { storeContract } from '../../test/store-contract.ts';
import { teamStoreContract } from '../../test/team-store-contract.ts';
import { openSqliteStore } from './sqlite.ts';

describe('SQLite store', () => {
  const open = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-store-'));
    const store = openSqliteStore(dir);
    onTestFinished(async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return store;
  };
  storeContract(open);
  teamStoreContract(open);
});

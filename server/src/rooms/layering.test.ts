import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOMS = import.meta.dirname;

describe('the room layer', () => {
  it('never imports the board kinds: their registry is handed to it at start-up (app.ts)', () => {
    const sources = readdirSync(ROOMS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((file) =>
      /from '\.\.\/boards\//.test(readFileSync(join(ROOMS, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

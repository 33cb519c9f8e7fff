import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from 'rolldown';
import { z } from './zodInert.ts';

const ZOD_INERT = fileURLToPath(new URL('./zodInert.ts', import.meta.url));

interface Schema {
  trim(): Schema;
  min(n: number): Schema;
  max(n: number): Schema;
  optional(): Schema;
  safeParse(value: unknown): unknown;
}
interface Z {
  object(shape: Record<string, Schema>): Schema;
  string(): Schema;
  discriminatedUnion(key: string, options: Schema[]): Schema;
}
const schema = z as Z;

describe('inert zod (client build)', () => {
  it('accepts any schema construction shared/ does at module level', () => {
    expect(() =>
      schema.discriminatedUnion('type', [
        schema.object({ name: schema.string().trim().min(1).max(60).optional() }),
      ]),
    ).not.toThrow();
  });

  it('refuses to validate instead of pretending success', () => {
    expect(() => schema.string().safeParse('x')).toThrow(/inert/);
  });

  it('keeps zod out of a bundle that imports the shared protocol', async () => {
    const result = await build({
      input: 'virtual:entry',
      write: false,
      logLevel: 'silent',
      resolve: { alias: { zod: ZOD_INERT } },
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === 'virtual:entry' ? id : null),
          load: (id) =>
            id === 'virtual:entry'
              ? "import * as protocol from '@twinspace/shared/protocol'; console.log(protocol.EV, protocol.WS_CLOSE);"
              : null,
        },
      ],
    });
    const code = result.output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    expect(code).not.toContain('_zod');
    expect(code).toContain('4401');
  }, 30_000);
});

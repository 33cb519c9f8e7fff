/**
 * What `zod` resolves to in the client build (see vite.config.ts).
 *
 * shared/ builds its zod schemas at module level, next to the constants the client needs
 * (EV, WS_CLOSE...). Only the server validates with them, but a bundler cannot prove that
 * building a schema has no side effects, so zod (~25 KB gzip, a seventh of the phone's
 * budget) would ride along. Here every schema is an inert placeholder that accepts any
 * chain of calls; actually validating with one throws, loudly, instead of passing silently.
 */
const VALIDATORS = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'spa',
  'decode',
  'encode',
]);

function refuse(): never {
  throw new Error('zod schemas are inert in the client build: validation happens on the server');
}

const inert: unknown = new Proxy(function inertSchema() {}, {
  get: (_target, key) => {
    if (typeof key === 'string' && VALIDATORS.has(key)) return refuse;
    // Not a thenable, and prints as nothing, should anything ever await or print one.
    if (key === 'then') return undefined;
    if (key === Symbol.toPrimitive) return () => '';
    return inert;
  },
  apply: () => inert,
});

export const z = inert;
export default inert;

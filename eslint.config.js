// ESLint flat config for the whole monorepo. Run: npx eslint . --max-warnings 0
//
// - TypeScript files listed in tsconfig.json are linted type-aware (typescript-eslint
//   recommendedTypeChecked); other TS files get the plain recommended set; JS files get
//   @eslint/js recommended with Node globals.
// - client/** gets eslint-plugin-react-hooks (recommended, including the compiler rules).
// - The layering of the house is enforced with no-restricted-imports (see LAYERS below).
// - Zero warnings: `npm run lint` passes --max-warnings 0, so a warning fails like an error.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Keep in step with "include" in tsconfig.json: these files get type-aware rules.
const TYPED_FILES = [
  'shared/src/**/*.{ts,tsx}',
  'server/src/**/*.{ts,tsx}',
  'server/test/**/*.{ts,tsx}',
  'client/src/**/*.{ts,tsx}',
  'client/vite.config.ts',
  'e2e/**/*.{ts,tsx}',
  'scripts/**/*.{ts,tsx}',
  'vitest.config.ts',
];
const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TS_TEST_FILES = ['**/*.test.{ts,tsx}', 'e2e/**/*.{ts,tsx}', 'server/test/**/*.{ts,tsx}'];
const TEST_FILES = [...TS_TEST_FILES, '**/*.test.{js,mjs}'];

// Node.js globals for plain JS files (config files, scripts/*.mjs). TS files do not need
// this: TypeScript itself checks undefined names there.
const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

// ---- Architecture: who may import what -------------------------------------------------
// Relative imports are caught by the directory they climb into (`../../server/...`), bare
// imports by package name. Type-only imports are forbidden too: the layers must not even
// share types except through @twinspace/shared.
const forbid = {
  server: [
    {
      regex: '^(\\.{1,2}/)+server/',
      message: 'Only server/ may import server code. Move shared code to shared/src.',
    },
    {
      regex: '^@twinspace/server(/|$)',
      message: 'Only server/ may import server code. Move shared code to shared/src.',
    },
  ],
  client: [
    {
      regex: '^(\\.{1,2}/)+client/',
      message: 'Only client/ may import client code. Move shared code to shared/src.',
    },
    {
      regex: '^@twinspace/client(/|$)',
      message: 'Only client/ may import client code. Move shared code to shared/src.',
    },
  ],
  react: [
    {
      regex: '^react(-dom)?(/|$)',
      message: 'shared/ is framework-free: no React here (it runs on the server too).',
    },
  ],
  zustand: [
    {
      regex: '^zustand(/|$)',
      message: 'zustand is imported only in client/src/state/** (the stores live there).',
    },
  ],
  // The client ships no zod (issue 15): validation is the server's, with the schemas in
  // shared/src/schemas.ts and shared/src/boards/*/schemas.ts. client/scripts/bundle-size.mjs
  // also fails a build whose chunks carry zod's code.
  schemas: [
    {
      regex: '^zod(/|$)',
      message: 'The client ships no zod: the server validates (shared/src/schemas.ts).',
    },
    {
      regex: '(^@twinspace/shared/|(^|/)shared/src/)(.+/)?schemas(\\.ts)?$',
      message:
        "Zod schemas are the server's: take the types from @twinspace/shared/protocol or the board's commands.ts.",
    },
  ],
  // The phone's budget (180 KB): the client imports the shared module it needs, never the
  // barrel, which would bring every shared module into the participant's first download.
  barrel: [
    {
      regex: '^@twinspace/shared$',
      message:
        'Import the module you need (@twinspace/shared/protocol, .../timing, ...), not the barrel.',
    },
  ],
  // A view that downloads later retries when the network is back (client/src/app/lazy.ts):
  // React's own lazy would leave a blank page after one failed download.
  lazyViews: [
    {
      regex: '^react$',
      importNames: ['lazy'],
      message: 'Use lazy from client/src/app/lazy.ts: it retries a download that failed offline.',
    },
  ],
  // Test libraries stay in tests (and their helpers in server/test/, e2e/): production code
  // never imports them.
  testLibs: [
    {
      regex: '^(vitest|fast-check|playwright-core|@axe-core/.*)(/|$)',
      message: 'A test library: only tests (*.test.ts, server/test/, e2e/) import it.',
    },
  ],
  // In shared/, only the schemas.ts modules hold zod values; the modules the client imports
  // may derive types from them, type-only (erased from the build).
  schemaValues: [
    {
      regex: '^zod(/|$)',
      allowTypeImports: true,
      message: 'zod values live only in the schemas.ts modules (the client imports the others).',
    },
    {
      regex: '(^|/)schemas(\\.ts)?$',
      allowTypeImports: true,
      message: 'Only schemas.ts modules import schemas as values (the client imports the others).',
    },
  ],
};
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.flatMap((g) => forbid[g]) }],
});
// Later entries override earlier ones for the files they match (the rule's options are
// replaced, not merged), so each entry lists every restriction for its files.
const SERVER_TESTS = ['server/**/*.test.ts', 'server/test/**'];
const LAYERS = [
  { name: 'layers/everywhere', files: [...TS_FILES, ...JS_FILES], rules: restrict('zustand') },
  { name: 'layers/server', files: ['server/**'], rules: restrict('client', 'zustand', 'testLibs') },
  {
    name: 'layers/shared',
    files: ['shared/**'],
    rules: restrict('server', 'client', 'react', 'zustand', 'schemaValues', 'testLibs'),
  },
  {
    name: 'layers/shared-schemas',
    files: ['shared/**/schemas.ts'],
    rules: restrict('server', 'client', 'react', 'zustand', 'testLibs'),
  },
  {
    name: 'layers/client',
    files: ['client/**'],
    rules: restrict('server', 'zustand', 'schemas', 'testLibs', 'barrel', 'lazyViews'),
  },
  {
    name: 'layers/client-state',
    files: ['client/src/state/**'],
    rules: restrict('server', 'schemas', 'testLibs', 'barrel', 'lazyViews'),
  },
  // Tests: the same layers, with the test libraries; a client test may also check what the
  // client sends against the server's schema.
  { name: 'layers/server-tests', files: SERVER_TESTS, rules: restrict('client', 'zustand') },
  {
    name: 'layers/shared-tests',
    files: ['shared/**/*.test.ts'],
    rules: restrict('server', 'client', 'react', 'zustand'),
  },
  {
    name: 'layers/client-tests',
    files: ['client/**/*.test.{ts,tsx}'],
    ignores: ['client/src/state/**'],
    rules: restrict('server', 'zustand'),
  },
  {
    name: 'layers/client-state-tests',
    files: ['client/src/state/**/*.test.{ts,tsx}'],
    rules: restrict('server', 'schemas'),
  },
];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'client/dist/',
    'data/',
    'coverage/',
    'test-results/',
    'bench/results/',
    '.tmp/',
  ]),
  {
    name: 'twinspace/linter-options',
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  { name: 'twinspace/js-recommended', ...js.configs.recommended },
  {
    name: 'twinspace/js',
    files: JS_FILES,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    name: 'twinspace/ts-typed',
    files: TYPED_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    name: 'twinspace/ts-untyped',
    files: TS_FILES,
    ignores: TYPED_FILES,
    extends: [tseslint.configs.recommended],
  },
  {
    name: 'twinspace/ts',
    files: TS_FILES,
    rules: {
      // Off on purpose: an adapter implementing an async interface (e.g. the SQLite store
      // behind the Store interface that Redis also implements) is rightly `async` without
      // awaiting anything, so a synchronous throw becomes a rejected promise.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'twinspace/react-hooks',
    files: ['client/**/*.{ts,tsx,js,jsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...LAYERS,
  {
    name: 'twinspace/tests',
    files: TEST_FILES,
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite', 'bench'].map((object) => ({
          object,
          property: 'only',
          message: `${object}.only would silently skip every other test: remove it before committing.`,
        })),
      ],
    },
  },
  {
    name: 'twinspace/tests-ts',
    files: TS_TEST_FILES,
    // expect(spy.method).toHaveBeenCalled() is idiomatic in tests.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);

import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * How the build splits the app into files (Rolldown's output.codeSplitting, through Vite).
 *
 * Left to itself the bundler makes a chunk for every set of lazy imports that share modules:
 * a phone opening a board fetched 43 files, half under 2 KB. On a 3G link (a round trip of
 * 0.56 s, a browser opening 6 connections per host over HTTP/1.1) that was about seven
 * rounds of requests, 4 s of waiting for files whose bytes take 1 s (bench client-cost,
 * BENCH_TRACE=1: issue 13, item 8). So what a participant's phone runs before it can edit
 * goes into a few files, one per layer, each the static closure of its root module:
 *
 *  - base: what the board pages' first script (src/preconnect.ts: the control socket)
 *    shares with every page;
 *  - app: what every page runs (src/main.tsx and what it imports), and the loader of the
 *    lazy views' strings (APP_SHARED);
 *  - socket: the rest of the control socket's code (socket.io-client), so the first script
 *    needs neither the app nor the participant's layer;
 *  - participant: the participant's page, what both board kinds' participant views share,
 *    and the session's edit log and outbox (imported lazily, but the board waits for them
 *    once it has joined: in their own files, they were one more round trip then);
 *  - open-space / match-sprint: each board kind's participant view.
 *
 * A module in several closures goes to the first layer listed. The facilitator's and
 * projector's pages load the participant layer too (they show the same board, so most of it
 * is theirs anyway). Everything else (lazy views, the facilitator's consoles, strings) is
 * chunked as the bundler sees fit. What each route downloads is checked against the budget
 * by scripts/bundle-size.mjs.
 */

interface ModuleInfo {
  importedIds: readonly string[];
}
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

const SRC = path.join(import.meta.dirname, 'src');
const LANDING = 'app/pages/LandingPage.tsx';
/** Lazily imported, but needed by every joined participant: in the participant's layer. */
const SESSION = ['sync/editLog.ts', 'sync/outbox.ts'];
/**
 * Imported by lazy views only (their strings' loader), but small and shared by many of them:
 * in the app's layer. In a chunk of its own, each of those views waited for it, one more
 * round trip after its own file.
 */
const APP_SHARED = ['i18n/namespaceLoader.ts'];
const SOCKET = 'sync/socket.ts';
const ROOTS = {
  base: 'preconnect.ts',
  app: 'main.tsx',
  socket: SOCKET,
  participant: 'app/pages/ParticipantPage.tsx',
  'open-space': 'boards/open-space/OpenSpaceBoard.tsx',
  'match-sprint': 'boards/match-sprint/MatchSprintBoard.tsx',
} as const;
type Layer = keyof typeof ROOTS | 'root';

/** Every module `root` imports statically, directly or not, itself included. */
function closure(ctx: ChunkingContext, root: string): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** Each module's layer, worked out once per chunking pass (the graph is fixed by then). */
function layersOf(ctx: ChunkingContext): Map<string, Layer> {
  const sets = Object.fromEntries(
    Object.entries(ROOTS).map(([layer, file]) => [layer, closure(ctx, path.join(SRC, file))]),
  ) as Record<Layer, Set<string>>;
  const layers = new Map<string, Layer>();
  const assign = (ids: Iterable<string>, layer: Layer): void => {
    for (const id of ids) if (!layers.has(id)) layers.set(id, layer);
  };
  // The entries stay chunks of their own (the page names them).
  for (const file of [ROOTS.base, ROOTS.app]) layers.set(path.join(SRC, file), 'root');
  assign(
    [...sets.base].filter((id) => sets.app.has(id)),
    'base',
  );
  assign(sets.app, 'app');
  for (const file of APP_SHARED) assign(closure(ctx, path.join(SRC, file)), 'app');
  assign(sets.socket, 'socket');
  // A participant's styles, whatever the board kind, go with the app's: one stylesheet, not
  // three (the app's scripts wait for every stylesheet in the page; a few KB for the others).
  const participantSide = [...sets.participant, ...sets['open-space'], ...sets['match-sprint']];
  assign(
    participantSide.filter((id) => id.endsWith('.css')),
    'app',
  );
  // What the landing page shares with a participant's: in the app layer, not a reason for
  // the landing page to fetch the participant's.
  const landing = closure(ctx, path.join(SRC, LANDING));
  assign(
    [...sets.participant].filter((id) => landing.has(id)),
    'app',
  );
  assign(sets.participant, 'participant');
  for (const file of SESSION) assign(closure(ctx, path.join(SRC, file)), 'participant');
  // Shared by both boards' participant views: every participant loads it, whatever the kind.
  assign(
    [...sets['open-space']].filter((id) => sets['match-sprint'].has(id)),
    'participant',
  );
  assign(sets['open-space'], 'open-space');
  assign(sets['match-sprint'], 'match-sprint');
  return layers;
}

let pass: { ctx: ChunkingContext; layers: Map<string, Layer> } | null = null;

function layerOf(id: string, ctx: ChunkingContext): Layer | undefined {
  if (pass?.ctx !== ctx) pass = { ctx, layers: layersOf(ctx) };
  return pass.layers.get(id);
}

/**
 * One group per layer, the earlier ones first (priority): a group also takes in what its
 * modules import, so a later layer must find the earlier layers' modules already placed.
 */
export const codeSplitting = {
  groups: (Object.keys(ROOTS) as (keyof typeof ROOTS)[]).map((layer, index, all) => ({
    name: (id: string, ctx: ChunkingContext) => (layerOf(id, ctx) === layer ? layer : null),
    debugName: layer,
    priority: all.length - index,
  })),
};

/** The roots that went into a layer's chunk (the entries keep chunks of their own). */
const GROUPED = new Set(
  Object.entries(ROOTS)
    .filter(([layer]) => layer !== 'base' && layer !== 'app')
    .map(([, file]) => path.join(SRC, file)),
);

interface ManifestChunk {
  file: string;
  src?: string;
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The build's manifest names a module only by the chunk it heads; a root in a layer's chunk
 * heads none. It gets an entry of its own, the same as its chunk's, so that what reads the
 * manifest by module (the server's page hints, scripts/bundle-size.mjs) finds it.
 */
export function layerManifest(): Plugin {
  return {
    name: 'twinspace-layer-manifest',
    apply: 'build',
    writeBundle(options, bundle) {
      const file = path.join(options.dir ?? 'dist', '.vite', 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
      const keyOf = new Map(Object.entries(manifest).map(([key, c]) => [c.file, key]));
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const own = manifest[keyOf.get(chunk.fileName) ?? ''];
        for (const id of chunk.moduleIds) {
          const src = path.relative(path.dirname(SRC), id).split(path.sep).join('/');
          if (GROUPED.has(id) && own && !manifest[src])
            manifest[src] = { ...own, src, isDynamicEntry: true };
        }
      }
      fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}

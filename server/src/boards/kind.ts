import type { Command } from '@twinspace/shared';
import type {
  BoardCommandHandlers,
  BoardServerModule,
  Eraser,
  ExportFormat,
  Exporter,
} from './types.ts';

/** What a board kind declares on the server: its own handlers, its exports, its features. */
interface ServerKindSpec<T extends Command['type']> {
  readonly commands: BoardCommandHandlers<T>;
  readonly exports: Partial<Record<ExportFormat, Exporter>>;
  /** The same features, in the same order, as the kind's shared `defineBoardKind`. */
  readonly features: readonly {
    readonly commands: Partial<BoardCommandHandlers>;
    readonly erase?: Eraser;
  }[];
}

/** Puts a kind's server module together: every feature's handlers, then its own. */
export function defineServerKind<T extends Command['type']>(
  spec: ServerKindSpec<T>,
): BoardServerModule {
  const features = spec.features.reduce<Partial<BoardCommandHandlers>>(
    (all, feature) => ({ ...all, ...feature.commands }),
    {},
  );
  const erasers = spec.features.flatMap((f) => (f.erase ? [f.erase] : []));
  return { commands: { ...features, ...spec.commands }, exports: spec.exports, erasers };
}

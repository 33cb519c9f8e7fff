import type { Command } from '@twinspace/shared';
import type { BoardCommandHandlers, Eraser } from './types.ts';

/** A board feature on the server (timer, Top five): the handlers of its commands. */
export interface ServerFeature<T extends Command['type']> {
  readonly name: string;
  readonly commands: BoardCommandHandlers<T>;
  /** What a participant's erasure (SPEC R29) does to what this feature keeps for them. */
  readonly erase?: Eraser;
}

/** Infers the feature's command names from its table, so kinds that use it stay exact. */
export const defineServerFeature = <T extends Command['type']>(
  feature: ServerFeature<T>,
): ServerFeature<T> => feature;

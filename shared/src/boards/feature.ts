import type { CommandRule, PartRule } from '../rules/model.ts';

/**
 * A board feature (timer, Top five, polls, Q&A): its document parts and the rules of
 * its commands, the same on every board kind that switches it on (one line in the kind's
 * `defineBoardKind`). Its folder has the same name on every side: shared/src/boards/<name>/,
 * server/src/boards/<name>/ (handlers), client/src/boards/<name>/ (views, store binding).
 * See docs/adding-a-board.md.
 */
export interface BoardFeature<C extends Readonly<Record<string, CommandRule>>> {
  readonly name: string;
  readonly parts: Readonly<Record<string, PartRule>>;
  readonly commands: C;
}

/** Keeps the feature's own command names in its type, so a kind's table stays exact. */
export const defineFeature = <const C extends Readonly<Record<string, CommandRule>>>(
  feature: BoardFeature<C>,
): BoardFeature<C> => feature;

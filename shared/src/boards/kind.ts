import type { BoardRules, CommandRule, PartRule } from '../rules/model.ts';
import type { BoardFeature } from './feature.ts';
import { COMMON_COMMAND_RULES, foundationParts } from './foundation.ts';

type Rules = Readonly<Record<string, CommandRule>>;
type Parts = Readonly<Record<string, PartRule>>;

/** What a board kind declares in shared/: its phases, its own parts and commands, its features. */
export interface BoardKindSpec {
  /** In order; the first is where a new board starts. */
  readonly phases: readonly string[];
  readonly parts: Parts;
  readonly commands: Rules;
  /** The features this kind switches on, one line each. */
  readonly features: readonly BoardFeature<Rules>[];
}

/** A board kind as the rest of the code sees it: its whole rule model and its phases. */
export interface BoardKindDef {
  readonly phases: readonly string[];
  readonly rules: BoardRules;
}

/**
 * Puts a kind together: the foundation every kind has, then each feature it switches on,
 * then its own parts and commands (kind.test.ts checks that no name is declared twice, which would override a rule).
 */
export function defineBoardKind(spec: BoardKindSpec): BoardKindDef {
  const layers = [...spec.features, spec];
  const parts = layers.reduce<Parts>((all, layer) => ({ ...all, ...layer.parts }), foundationParts);
  const commands = layers.reduce<Rules>(
    (all, layer) => ({ ...all, ...layer.commands }),
    COMMON_COMMAND_RULES,
  );
  return { phases: spec.phases, rules: { parts, commands } };
}

import type { BoardRules } from '../../rules/model.ts';
import { foundationCommands, foundationParts } from '../foundation.ts';
import { matchSprintCommandRules } from './command-rules.ts';
import { matchSprintParts } from './layout.ts';

/** The whole rule model of this board kind: the foundation's parts and commands, and its own. */
export const MATCH_SPRINT_RULES: BoardRules = {
  parts: { ...foundationParts, ...matchSprintParts },
  commands: { ...foundationCommands, ...matchSprintCommandRules },
};

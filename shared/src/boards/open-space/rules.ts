import type { BoardRules } from '../../rules/model.ts';
import { foundationCommands, foundationParts } from '../foundation.ts';
import { openSpaceCommandRules } from './command-rules.ts';
import { openSpaceParts } from './layout.ts';

/** The whole rule model of this board kind: the foundation's parts and commands, and its own. */
export const OPEN_SPACE_RULES: BoardRules = {
  parts: { ...foundationParts, ...openSpaceParts },
  commands: { ...foundationCommands, ...openSpaceCommandRules },
};

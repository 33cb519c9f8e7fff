import type { BoardRules } from '../rules/model.ts';
export { COMMON_COMMAND_RULES, FOUNDATION_RULES } from './foundation.ts';
import type { BoardKind } from './common.ts';
import { OPEN_SPACE_RULES } from './open-space/rules.ts';
import { MATCH_SPRINT_RULES } from './match-sprint/rules.ts';
import { OPEN_SPACE_PHASES } from './open-space/phases.ts';
import { MATCH_SPRINT_PHASES } from './match-sprint/phases.ts';

export const BOARD_RULES: Readonly<Record<BoardKind, BoardRules>> = {
  'open-space': OPEN_SPACE_RULES,
  'match-sprint': MATCH_SPRINT_RULES,
};

export const BOARD_PHASES: Readonly<Record<BoardKind, readonly string[]>> = {
  'open-space': OPEN_SPACE_PHASES,
  'match-sprint': MATCH_SPRINT_PHASES,
};

export const initialPhase = (kind: BoardKind): string => BOARD_PHASES[kind][0] ?? 'welcome';

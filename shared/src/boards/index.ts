import type { BoardRules } from '../rules/model.ts';
import type { BoardKind } from './common.ts';
import { OPEN_SPACE } from './open-space/rules.ts';
import { MATCH_SPRINT } from './match-sprint/rules.ts';

/** The shared registry of board kinds (docs/adding-a-board.md): one line per kind in each. */
export const BOARD_RULES: Readonly<Record<BoardKind, BoardRules>> = {
  'open-space': OPEN_SPACE.rules,
  'match-sprint': MATCH_SPRINT.rules,
};

export const BOARD_PHASES: Readonly<Record<BoardKind, readonly string[]>> = {
  'open-space': OPEN_SPACE.phases,
  'match-sprint': MATCH_SPRINT.phases,
};

export const initialPhase = (kind: BoardKind): string => BOARD_PHASES[kind][0] ?? 'welcome';

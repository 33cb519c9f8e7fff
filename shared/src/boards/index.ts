import type { BoardRules } from '../rules/model.ts';
import { cardsPart, metaPart, peoplePart, ROOT, type BoardKind } from './common.ts';
import { OPEN_SPACE_PHASES } from './open-space/phases.ts';
import { MATCH_SPRINT_PHASES } from './match-sprint/phases.ts';
import { openSpaceParts } from './open-space/layout.ts';
import { matchSprintParts } from './match-sprint/layout.ts';
import { TRANSLATIONS_ROOT, translationsPart } from './translations.ts';
import { topFiveParts } from './top-five/layout.ts';

const foundationParts = {
  [ROOT.meta]: metaPart,
  [ROOT.people]: peoplePart,
  [ROOT.cards]: cardsPart,
  [TRANSLATIONS_ROOT]: translationsPart,
  ...topFiveParts,
};

export const BOARD_RULES: Readonly<Record<BoardKind, BoardRules>> = {
  'open-space': { parts: { ...foundationParts, ...openSpaceParts } },
  'match-sprint': { parts: { ...foundationParts, ...matchSprintParts } },
};

export const BOARD_PHASES: Readonly<Record<BoardKind, readonly string[]>> = {
  'open-space': OPEN_SPACE_PHASES,
  'match-sprint': MATCH_SPRINT_PHASES,
};

export const initialPhase = (kind: BoardKind): string => BOARD_PHASES[kind][0] ?? 'welcome';

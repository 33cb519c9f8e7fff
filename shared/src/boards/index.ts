import type { commonCommands } from '../protocol.ts';
import type { BoardRules, CommandRule } from '../rules/model.ts';
import { cardsPart, metaPart, peoplePart, ROOT, type BoardKind } from './common.ts';
import { OPEN_SPACE_PHASES } from './open-space/phases.ts';
import { MATCH_SPRINT_PHASES } from './match-sprint/phases.ts';
import { openSpaceParts } from './open-space/layout.ts';
import { matchSprintParts } from './match-sprint/layout.ts';
import { TRANSLATIONS_ROOT, translationsPart } from './translations.ts';
import { topFiveParts } from './top-five/layout.ts';
import { openSpaceCommandRules } from './open-space/commands.ts';
import { matchSprintCommandRules } from './match-sprint/commands.ts';
import { topFiveCommandRules } from './top-five/commands.ts';

const foundationParts = {
  [ROOT.meta]: metaPart,
  [ROOT.people]: peoplePart,
  [ROOT.cards]: cardsPart,
  [TRANSLATIONS_ROOT]: translationsPart,
  ...topFiveParts,
};

type CommonCommandType = (typeof commonCommands)[number]['shape']['type']['value'];

/** Commands of every board kind (SPEC R9): phases and deletion are the facilitator's. */
export const COMMON_COMMAND_RULES = {
  'set-phase': { who: 'facilitator' },
  rename: { who: 'participant' },
  'delete-board': { who: 'facilitator' },
} as const satisfies Record<CommonCommandType, CommandRule>;

const foundationCommands = { ...COMMON_COMMAND_RULES, ...topFiveCommandRules };

export const BOARD_RULES: Readonly<Record<BoardKind, BoardRules>> = {
  'open-space': {
    parts: { ...foundationParts, ...openSpaceParts },
    commands: { ...foundationCommands, ...openSpaceCommandRules },
  },
  'match-sprint': {
    parts: { ...foundationParts, ...matchSprintParts },
    commands: { ...foundationCommands, ...matchSprintCommandRules },
  },
};

export const BOARD_PHASES: Readonly<Record<BoardKind, readonly string[]>> = {
  'open-space': OPEN_SPACE_PHASES,
  'match-sprint': MATCH_SPRINT_PHASES,
};

export const initialPhase = (kind: BoardKind): string => BOARD_PHASES[kind][0] ?? 'welcome';

import type { CommonCommandType } from '../protocol.ts';
import type { BoardRules, CommandRule } from '../rules/model.ts';
import { cardsPart, metaPart, peoplePart, ROOT } from './common.ts';
import { TRANSLATIONS_ROOT, translationsPart } from './translations.ts';

/**
 * The parts and commands every board kind has (meta, people, cards, translations); features
 * (timer, Top five) are switched on by each kind (kind.ts). Apart from the board kinds, so a screen that checks only these (the shared card list)
 * does not ship every kind's layout.
 */
export const foundationParts = {
  [ROOT.meta]: metaPart,
  [ROOT.people]: peoplePart,
  [ROOT.cards]: cardsPart,
  [TRANSLATIONS_ROOT]: translationsPart,
};

/** Commands of every board kind (SPEC R9): phases and deletion are the facilitator's. */
export const COMMON_COMMAND_RULES = {
  'set-phase': { who: 'facilitator' },
  rename: { who: 'participant' },
  'delete-board': { who: 'facilitator' },
  // Their own data only: the server takes the participant from the session, never the command.
  'erase-my-data': { who: 'participant' },
} as const satisfies Record<CommonCommandType, CommandRule>;

/** The rules of the foundation alone: enough to decide on cards and translations. */
export const FOUNDATION_RULES: BoardRules = {
  parts: foundationParts,
  commands: COMMON_COMMAND_RULES,
};

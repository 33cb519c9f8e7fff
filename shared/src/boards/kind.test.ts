import { describe, expect, it } from 'vitest';
import { COMMON_COMMAND_RULES, foundationParts } from './foundation.ts';
import { BOARD_PHASES, BOARD_RULES } from './index.ts';
import { matchSprintCommandRules } from './match-sprint/command-rules.ts';
import { matchSprintParts } from './match-sprint/parts.ts';
import { openSpaceCommandRules } from './open-space/command-rules.ts';
import { openSpaceParts } from './open-space/parts.ts';
import { timerFeature } from './timer/feature.ts';
import { topFiveFeature } from './top-five/feature.ts';
import { moderationFeature } from './moderation/feature.ts';
import { photosFeature } from './photos/feature.ts';
import { pollFeature } from './poll/feature.ts';
import { qaFeature } from './qa/feature.ts';
const features = [
  timerFeature,
  topFiveFeature,
  moderationFeature,
  pollFeature,
  qaFeature,
  photosFeature,
];
const KINDS = {
  'open-space': { parts: openSpaceParts, commands: openSpaceCommandRules },
  'match-sprint': { parts: matchSprintParts, commands: matchSprintCommandRules },
} as const;

/** Every name of every layer, so a name two layers declare shows up twice. */
const names = (layers: object[]): string[] => layers.flatMap((layer) => Object.keys(layer));

describe('a board kind is the foundation, its features and its own parts', () => {
  for (const [kind, own] of Object.entries(KINDS)) {
    const k = kind as keyof typeof KINDS;
    it(`${kind}: no part or command name is declared by two layers`, () => {
      const parts = names([foundationParts, ...features.map((f) => f.parts), own.parts]);
      const commands = names([
        COMMON_COMMAND_RULES,
        ...features.map((f) => f.commands),
        own.commands,
      ]);
      expect(parts.length).toBe(new Set(parts).size);
      expect(commands.length).toBe(new Set(commands).size);
      expect(Object.keys(BOARD_RULES[k].parts).sort()).toEqual([...parts].sort());
      expect(Object.keys(BOARD_RULES[k].commands).sort()).toEqual([...commands].sort());
    });

    it(`${kind}: switches on the timer, Top five and moderation`, () => {
      expect(BOARD_RULES[k].parts).toHaveProperty('timer');
      expect(BOARD_RULES[k].commands).toHaveProperty('mod-hide');
      expect(BOARD_RULES[k].commands).toHaveProperty('timer');
      expect(BOARD_RULES[k].commands).toHaveProperty('tf-vote');
      expect(BOARD_RULES[k].commands).toHaveProperty('poll-answer');
      expect(BOARD_RULES[k].commands).toHaveProperty('qa-vote');
      expect(BOARD_PHASES[k][0]).toBe('welcome');
    });
  }
});

import { defineBoardKind } from '../kind.ts';
import { timerFeature } from '../timer/feature.ts';
import { topFiveFeature } from '../top-five/feature.ts';
import { moderationFeature } from '../moderation/feature.ts';
import { pollFeature } from '../poll/feature.ts';
import { qaFeature } from '../qa/feature.ts';
import { photosFeature } from '../photos/feature.ts';
import { matchSprintCommandRules } from './command-rules.ts';
import { matchSprintParts } from './parts.ts';
import { MATCH_SPRINT_PHASES } from './phases.ts';

/** This board kind: the foundation, the features it switches on, and its own parts and commands. */
export const MATCH_SPRINT = defineBoardKind({
  phases: MATCH_SPRINT_PHASES,
  parts: matchSprintParts,
  commands: matchSprintCommandRules,
  features: [
    timerFeature,
    topFiveFeature,
    moderationFeature,
    pollFeature,
    qaFeature,
    photosFeature,
  ],
});

import { defineBoardKind } from '../kind.ts';
import { timerFeature } from '../timer/feature.ts';
import { topFiveFeature } from '../top-five/feature.ts';
import { moderationFeature } from '../moderation/feature.ts';
import { pollFeature } from '../poll/feature.ts';
import { qaFeature } from '../qa/feature.ts';
import { photosFeature } from '../photos/feature.ts';
import { openSpaceCommandRules } from './command-rules.ts';
import { openSpaceParts } from './parts.ts';
import { OPEN_SPACE_PHASES } from './phases.ts';

/** This board kind: the foundation, the features it switches on, and its own parts and commands. */
export const OPEN_SPACE = defineBoardKind({
  phases: OPEN_SPACE_PHASES,
  parts: openSpaceParts,
  commands: openSpaceCommandRules,
  features: [
    timerFeature,
    topFiveFeature,
    moderationFeature,
    pollFeature,
    qaFeature,
    photosFeature,
  ],
});

import { defineFeature } from '../feature.ts';
import { topFiveCommandRules } from './command-rules.ts';
import { topFiveParts } from './parts.ts';

/** Top five: a group's points narrowed by picks to the five that matter most. */
export const topFiveFeature = defineFeature({
  name: 'top-five',
  parts: topFiveParts,
  commands: topFiveCommandRules,
});

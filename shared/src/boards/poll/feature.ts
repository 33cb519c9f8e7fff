import { defineFeature } from '../feature.ts';
import { pollCommandRules } from './command-rules.ts';
import { pollParts } from './parts.ts';

/** Polls: multiple choice, rating scale, word cloud and open answers (docs/polls-qa.md). */
export const pollFeature = defineFeature({
  name: 'poll',
  parts: pollParts,
  commands: pollCommandRules,
});

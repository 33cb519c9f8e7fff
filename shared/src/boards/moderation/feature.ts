import { defineFeature } from '../feature.ts';
import { moderationCommandRules } from './command-rules.ts';
import { moderationParts } from './parts.ts';

/** Moderation: hide, restore, remove, remove a person, approval queue, anonymous mode. */
export const moderationFeature = defineFeature({
  name: 'moderation',
  parts: moderationParts,
  commands: moderationCommandRules,
});

import { defineFeature } from '../feature.ts';
import { qaCommandRules } from './command-rules.ts';
import { qaParts } from './parts.ts';

/** Questions for a plenary: asked, upvoted, moderated, one on the projector (docs/polls-qa.md). */
export const qaFeature = defineFeature({ name: 'qa', parts: qaParts, commands: qaCommandRules });

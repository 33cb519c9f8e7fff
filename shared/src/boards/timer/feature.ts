import { defineFeature } from '../feature.ts';
import { timerCommandRules } from './command-rules.ts';
import { timerParts } from './parts.ts';

/** The timer: one record part and one command, the same on every board kind. */
export const timerFeature = defineFeature({
  name: 'timer',
  parts: timerParts,
  commands: timerCommandRules,
});

import { defineFeature } from '../feature.ts';
import { photoParts } from './parts.ts';

/** Photos of paper results attached to a session, a story, a card, a project or a Top five group. */
export const photosFeature = defineFeature({ name: 'photos', parts: photoParts, commands: {} });

import type { LocaleBundle } from '../types.ts';
import common from './common.json';
import landing from './landing.json';
import join from './join.json';
import board from './board.json';
import facilitator from './facilitator.json';
import topFive from './topFive.json';
import moderation from './moderation.json';

const bundle = {
  common,
  landing,
  join,
  board,
  facilitator,
  topFive,
  moderation,
} satisfies LocaleBundle;
export default bundle;

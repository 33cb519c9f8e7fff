import { defineServerKind } from '../kind.ts';
import { legacyTimerHandlers, timerServer } from '../timer/index.ts';
import { topFiveServer } from '../top-five/index.ts';
import { moderationServer } from '../moderation/index.ts';
import { pollServer } from '../poll/index.ts';
import { qaServer } from '../qa/index.ts';
import { openSpaceHandlers } from './commands.ts';
import { openSpaceExports } from './exports.ts';

export const openSpaceServer = defineServerKind({
  commands: { ...openSpaceHandlers, 'os-timer': legacyTimerHandlers['os-timer'] },
  exports: openSpaceExports,
  features: [timerServer, topFiveServer, moderationServer, pollServer, qaServer],
});

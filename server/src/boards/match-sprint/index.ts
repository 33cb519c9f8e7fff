import { defineServerKind } from '../kind.ts';
import { legacyTimerHandlers, timerServer } from '../timer/index.ts';
import { topFiveServer } from '../top-five/index.ts';
import { moderationServer } from '../moderation/index.ts';
import { pollServer } from '../poll/index.ts';
import { qaServer } from '../qa/index.ts';
import { pollResultsCsv } from '../poll/exports.ts';
import { matchSprintCommandHandlers } from './commands.ts';
import { exportCsv, exportMarkdown } from './exports.ts';

/**
 * The Match & Sprint board on the server: its commands (matches, teams, sprints), its
 * features (timer, Top five) and its exports (the joint action plan as Markdown, the tasks as CSV).
 */
export const matchSprintServer = defineServerKind({
  commands: { ...matchSprintCommandHandlers, 'ms-timer': legacyTimerHandlers['ms-timer'] },
  exports: { md: exportMarkdown, csv: exportCsv, polls: pollResultsCsv },
  features: [timerServer, topFiveServer, moderationServer, pollServer, qaServer],
});

import type { BoardServerModule } from '../types.ts';
import { matchSprintCommandHandlers } from './commands.ts';
import { exportCsv, exportMarkdown } from './exports.ts';
import { topFiveHandlers } from '../top-five.ts';

/**
 * The Match & Sprint board on the server: its commands (matches, teams, timer, sprints)
 * and its exports (the joint action plan as Markdown, the tasks as CSV).
 */
export const matchSprintServer: BoardServerModule = {
  commands: { ...matchSprintCommandHandlers, ...topFiveHandlers },
  exports: { md: exportMarkdown, csv: exportCsv },
};

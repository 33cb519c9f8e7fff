import type { BoardCommandHandler, BoardServerModule } from '../types.ts';
import { matchSprintCommandHandlers } from './commands.ts';
import { exportCsv, exportMarkdown } from './exports.ts';
import { topFiveHandlers } from '../top-five.ts';

/**
 * The Match & Sprint board on the server: its commands (matches, teams, timer, sprints)
 * and its exports (the joint action plan as Markdown, the tasks as CSV).
 */
export const matchSprintServer: BoardServerModule = {
  // Each handler takes its own command type; the dispatcher only calls it with that type.
  commands: {
    ...(matchSprintCommandHandlers as unknown as BoardServerModule['commands'] &
      Record<keyof typeof matchSprintCommandHandlers, BoardCommandHandler>),
    ...topFiveHandlers,
  },
  exports: { md: exportMarkdown, csv: exportCsv },
};

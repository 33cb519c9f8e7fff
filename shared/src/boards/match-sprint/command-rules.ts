import type { CommandRule } from '../../rules/model.ts';
import type { MatchSprintCommandType } from './commands.ts';
import { MS_ROOT } from './layout.ts';

// The rules are apart from the zod schemas (commands.ts) so that a client reading them for
// its controls ships no schema code.
const link = { part: MS_ROOT.links, idField: 'linkId' } as const;
const project = { part: MS_ROOT.projects, idField: 'projectId' } as const;
/** Teams form once matches are confirmed, and change until the board closes. */
const TEAM_PHASES = ['match', 'sprint', 'review'];

/** Who may send each Match & Sprint command, and when (SPEC R9), for `checkCommand`. */
export const matchSprintCommandRules = {
  'ms-confirm-link': { who: 'facilitator', entity: link },
  'ms-reject-link': { who: 'facilitator', entity: link },
  'ms-join-team': { who: 'participant', phases: TEAM_PHASES, entity: project },
  'ms-leave-team': { who: 'participant', phases: TEAM_PHASES, entity: project },
  /** A table host names the projects of their table whether or not they are in the team. */
  'ms-rename-project': {
    who: 'participant',
    phases: TEAM_PHASES,
    entity: project,
    team: ['table-host'],
  },
  'ms-timer': { who: 'facilitator', team: ['table-host'] },
  'ms-close-sprint': { who: 'facilitator' },
} as const satisfies Record<MatchSprintCommandType, CommandRule>;

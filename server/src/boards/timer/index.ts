import { nextTimer, readTimer, timerSeen, type TimerAction } from '@twinspace/shared';
import { writeTimer } from '@twinspace/shared/boards/timer/write';
import { OK, refused } from '../results.ts';
import type { BoardCommandHandler, CommandMap } from '../types.ts';
import { defineServerFeature } from '../feature.ts';

type TimerCommandName = 'timer' | 'os-timer' | 'ms-timer';

/**
 * One facilitator action on the timer, in server time, decided on the caught-up document so
 * two facilitators pressing at once see each other. Who may send it is the command's rule.
 */
const decideTimer = <T extends TimerCommandName>(): BoardCommandHandler<CommandMap[T]> => ({
  decides: (ctx, cmd: TimerAction) => ({
    decide(doc) {
      const timer = readTimer(doc);
      // A press that waited (an offline console's outbox) acts on the timer it saw, or not at all.
      if (cmd.seen !== undefined && cmd.seen !== timerSeen(timer))
        return refused('changed', 'the timer changed since it was pressed');
      const next = nextTimer(timer, cmd, ctx.now);
      if (next === null) return refused('bad-value', `cannot ${cmd.action} the timer now`);
      writeTimer(doc, next);
      return OK;
    },
  }),
});

/** The timer feature on the server: its one command, on every kind that switches it on. */
export const timerServer = defineServerFeature({
  name: 'timer',
  commands: { timer: decideTimer<'timer'>() },
});

/**
 * The commands each kind had before they shared the timer, still accepted so that a screen
 * loaded before an update keeps working; the client sends only `timer` now.
 */
export const legacyTimerHandlers = {
  'os-timer': decideTimer<'os-timer'>(),
  'ms-timer': decideTimer<'ms-timer'>(),
};

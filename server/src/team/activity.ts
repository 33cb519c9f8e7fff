import {
  ACTIVITY_MAX,
  OWNER_LINK_ID,
  type ActivityEntry,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import type { Logger } from '../log.ts';
import type { Session } from '../rooms/join.ts';
import type { BoardCommandRegistry } from '../rooms/board-api.ts';
import type { Store } from '../store/types.ts';

/** What a command's entry says beyond its type: the phase it set, the timer's action. */
function detailOf(cmd: Command): string | undefined {
  if (cmd.type === 'set-phase') return cmd.phase;
  if ('action' in cmd && typeof cmd.action === 'string') return cmd.action;
  return undefined;
}

/** Commands that only read (a ballot, a schedule preview): nothing happened to log. */
function isQuery(boards: BoardCommandRegistry, type: string): boolean {
  return Object.values(boards).some((kind) => {
    const handler = (kind.commands as Record<string, object | undefined>)[type];
    return handler !== undefined && 'reads' in handler;
  });
}

/**
 * The facilitators' activity log (docs/team.md): every command a facilitator's console
 * ran, with who (link and name), what and when, stored durably and bounded (ACTIVITY_MAX).
 * Written after the answer, so a slow store never delays a facilitator's command.
 */
export function activityLogger(store: Store, boards: BoardCommandRegistry, log: Logger) {
  return (session: Session, cmd: Command, result: CommandResult): void => {
    if (session.role !== 'facilitator' || result.type !== 'ok' || cmd.type === 'rename') return;
    // A deleted board keeps nothing, its log included (docs/privacy.md).
    if (cmd.type === 'delete-board') return;
    if (isQuery(boards, cmd.type)) return;
    const detail = detailOf(cmd);
    const entry: ActivityEntry = {
      at: Date.now(),
      linkId: session.link ?? OWNER_LINK_ID,
      name: session.linkName ?? session.name,
      role: session.team ?? 'owner',
      action: cmd.type,
      ...(detail === undefined ? {} : { detail }),
    };
    logActivity(store, session.code, entry, log);
  };
}

/** Appends one entry; a failure is logged, never thrown into a command's path. */
export function logActivity(store: Store, code: string, entry: ActivityEntry, log: Logger): void {
  store.team
    .logActivity(code, entry, ACTIVITY_MAX)
    .catch((error: unknown) => log.warn({ code, error: String(error) }, 'activity not logged'));
}

import {
  BOARD_PHASES,
  getMeta,
  WS_CLOSE,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import { BOARD_SERVER } from '../boards/index.ts';
import type { Session } from './join.ts';
import type { RoomRegistry } from './registry.ts';

export interface CommandDeps {
  registry: RoomRegistry;
  /** Tells every connection of the board it is gone (the control plane's job). */
  announceDeleted(code: string): void;
  /** Store.secret, for board commands that seal server-only state. */
  secret: (name: string) => Promise<string>;
}

const refused = (
  reason: Extract<CommandResult, { type: 'refused' }>['reason'],
  message: string,
): CommandResult => ({
  type: 'refused',
  reason,
  message,
});
const OK: CommandResult = { type: 'ok' };

/**
 * Commands that are not plain document edits, checked against the sender's role
 * (SPEC R9). The resulting document change is made by the server, so it flows
 * through the same store-then-relay path as every edit.
 */
export async function runCommand(
  deps: CommandDeps,
  session: Session,
  cmd: Command,
): Promise<CommandResult> {
  if (session.role === 'projector')
    return refused('read-only-role', 'a projector cannot change the board');
  switch (cmd.type) {
    case 'set-phase':
      if (session.role !== 'facilitator')
        return refused('not-allowed', 'only the facilitator sets the phase');
      return deps.registry.with(session.code, async (room) => {
        if (!BOARD_PHASES[room.kind].includes(cmd.phase))
          return refused('bad-value', `unknown phase ${cmd.phase}`);
        await room.writeAsServer((doc) => getMeta(doc).set('phase', cmd.phase));
        return OK;
      });
    case 'rename':
      return deps.registry.with(session.code, async (room) => {
        await room.upsertPerson({
          id: session.participantId,
          name: cmd.name,
          role: session.role === 'facilitator' ? 'facilitator' : 'participant',
          city: session.city,
        });
        session.name = cmd.name;
        return OK;
      });
    case 'delete-board':
      if (session.role !== 'facilitator')
        return refused('not-allowed', 'only the facilitator deletes a board');
      deps.announceDeleted(session.code);
      await deps.registry.deleteBoard(session.code, WS_CLOSE.boardDeleted);
      return OK;
    default:
      return deps.registry.with(session.code, (room) => {
        const handler = BOARD_SERVER[room.kind].commands[cmd.type];
        if (!handler)
          return refused('bad-request', `${cmd.type} is not a command of a ${room.kind} board`);
        return handler({ room, session, now: Date.now(), secret: deps.secret }, cmd);
      });
  }
}

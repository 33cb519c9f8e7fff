import * as Y from 'yjs';
import {
  BOARD_PHASES,
  checkCommand,
  getMeta,
  OWNER_FIELD,
  type Actor,
  type Command,
  type CommandResult,
  type CommandTarget,
  type Verdict,
} from '@twinspace/shared';
import {
  OK,
  refused,
  type BoardCommandContext,
  type BoardCommandHandlers,
  type BoardCommandRegistry,
  type CommandMap,
} from './board-api.ts';
import type { Session } from './join.ts';
import type { RoomRegistry } from './registry.ts';
import type { Room } from './room.ts';
import { NotStoredError } from './notStored.ts';

export interface CommandDeps {
  registry: RoomRegistry;
  /** Each board kind's command handlers (server/src/boards/index.ts), handed in by app.ts. */
  boards: BoardCommandRegistry;
  /** Deletes the board and everything of it, on every process (rooms/removal.ts). */
  removeBoard: (code: string) => Promise<unknown>;
  /** A participant's own data leaves the board (rooms/erasure.ts). */
  erasePerson: (room: Room, participantId: string, choice: 'keep' | 'remove') => Promise<void>;
  /** Store.secret, for board commands that seal server-only state. */
  secret: (name: string) => Promise<string>;
  /** Tells a removed participant's connections why, then closes them, on every process. */
  announceRemoved(code: string, participantId: string): void;
  /** The bytes of a person's photos no longer on the board leave the store (never throws). */
  forgetPhotos?(code: string, participantId: string): Promise<void>;
  /** A person's name as the store has it (moderation: names of an anonymous board). */
  nameOf(code: string, participantId: string): Promise<string | undefined>;
}

const actorOf = (session: Session): Actor => ({
  role: session.role,
  participantId: session.participantId,
  city: session.city,
  team: session.team,
});

/** The entity a command names, as `doc` has it (CommandRule.entity). */
function targetOf(room: Room, doc: Y.Doc, cmd: Command): CommandTarget | undefined {
  const entity = room.rules.commands[cmd.type]?.entity;
  if (!entity) return undefined;
  const fields: Readonly<Record<string, unknown>> = cmd;
  const id = fields[entity.idField];
  const found = typeof id === 'string' ? doc.getMap<unknown>(entity.part).get(id) : undefined;
  if (!(found instanceof Y.Map)) return null;
  const owner: unknown = found.get(OWNER_FIELD);
  return { owner: typeof owner === 'string' ? owner : undefined };
}

/**
 * SPEC R9: the one check of a command, against the room's document (`doc` is the room's
 * own, caught up with the log head when the command writes).
 */
function check(room: Room, session: Session, doc: Y.Doc, cmd: Command): Verdict {
  return checkCommand(room.rules, actorOf(session), room.phase, cmd.type, targetOf(room, doc, cmd));
}

const refusal = (verdict: Extract<Verdict, { ok: false }>, data?: CommandResult['data']) =>
  refused(verdict.reason, verdict.detail ?? verdict.reason, data);

/**
 * Every command (SPEC R9): checked once by `checkCommand` against the board's declared
 * command rules, then run. A command that reads then writes is checked and decided inside
 * Room.writeArbitrated (holding the store's cross-process mutex, on the document caught up
 * with the log head), so two concurrent commands on two processes see each other's result.
 */
export async function runCommand(
  deps: CommandDeps,
  session: Session,
  cmd: Command,
): Promise<CommandResult> {
  const result = await deps.registry.with(session.code, (room) =>
    runInRoom(deps, room, session, cmd),
  );
  if (cmd.type === 'delete-board' && result.type === 'ok') await deps.removeBoard(session.code);
  if (cmd.type === 'mod-remove-person' && result.type === 'ok') {
    deps.announceRemoved(session.code, cmd.participantId);
    // Their photos left the board with the rest of their content: their bytes go too (R23).
    if (cmd.content === 'remove') await deps.forgetPhotos?.(session.code, cmd.participantId);
  }
  return result;
}

/**
 * A removed participant's open socket (another process, a race) sends nothing more (R23);
 * one who deleted their data sends only that again, until it is complete (R29).
 */
function leftTheBoard(room: Room, session: Session, cmd: Command): CommandResult | null {
  if (session.role !== 'participant' || !room.revoked(session.participantId)) return null;
  if (!room.erased(session.participantId))
    return refused('not-allowed', 'a facilitator removed you from this board');
  if (cmd.type !== 'erase-my-data')
    return refused('not-allowed', 'you deleted your data from this board');
  return null;
}

async function runInRoom(
  deps: CommandDeps,
  room: Room,
  session: Session,
  cmd: Command,
): Promise<CommandResult> {
  const gone = leftTheBoard(room, session, cmd);
  if (gone) return gone;
  switch (cmd.type) {
    case 'set-phase':
    case 'rename':
    case 'delete-board':
    case 'erase-my-data': {
      const verdict = check(room, session, room.doc, cmd);
      if (!verdict.ok) return refusal(verdict);
      return common(deps, room, session, cmd);
    }
    default: {
      const nameOf = (id: string) => deps.nameOf(room.code, id);
      const ctx = { room, session, now: Date.now(), secret: deps.secret, nameOf };
      return runBoardCommand(deps.boards[room.kind].commands, ctx, cmd);
    }
  }
}

/** The commands of every board kind, after their check. */
async function common(
  deps: CommandDeps,
  room: Room,
  session: Session,
  cmd: CommandMap['set-phase' | 'rename' | 'delete-board' | 'erase-my-data'],
): Promise<CommandResult> {
  switch (cmd.type) {
    case 'set-phase': {
      if (!BOARD_PHASES[room.kind].includes(cmd.phase))
        return refused('bad-value', `unknown phase ${cmd.phase}`);
      // A change that waited offline acts on the phase its screen showed: if the board moved
      // on meanwhile (another facilitator), it would take everyone back.
      const now = getMeta(room.doc).get('phase');
      if (cmd.from !== undefined && now !== cmd.from && now !== cmd.phase)
        return refused('changed', `the phase is ${String(now)} now, not ${cmd.from}`);
      await room.writeAsServer((doc) => getMeta(doc).set('phase', cmd.phase));
      return OK;
    }
    case 'rename':
      await room.upsertPerson({
        id: session.participantId,
        name: cmd.name,
        role: session.role === 'facilitator' ? 'facilitator' : 'participant',
        city: session.city,
      });
      session.name = cmd.name;
      return OK;
    case 'delete-board':
      return OK; // done by runCommand, once the room is released
    case 'erase-my-data':
      // Their own data only: the participant is the session's, never named by the command.
      await deps.erasePerson(room, session.participantId, cmd.content);
      return OK;
  }
}

async function runBoardCommand<K extends keyof CommandMap>(
  handlers: Partial<BoardCommandHandlers>,
  ctx: BoardCommandContext,
  cmd: CommandMap[K] & { type: K },
): Promise<CommandResult> {
  const handler = handlers[cmd.type];
  const { room, session } = ctx;
  if (!handler)
    return refused('bad-request', `${cmd.type} is not a command of a ${room.kind} board`);
  if ('reads' in handler) {
    const verdict = check(room, session, room.doc, cmd);
    return verdict.ok ? handler.reads(ctx, cmd) : refusal(verdict);
  }
  const decision = await handler.decides(ctx, cmd);
  let result = null as CommandResult | null;
  await room.writeArbitrated((doc) => {
    const verdict = check(room, session, doc, cmd);
    result = verdict.ok ? decision.decide(doc) : refusal(verdict, decision.refusalData?.(doc));
  });
  // Never decided (the board closing under it): nothing happened, the outbox tries again.
  if (!result) throw new NotStoredError(room.code);
  return result;
}

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import {
  CONNECT_ERROR_SOCKETS,
  CONNECT_ERROR_VERSION,
  EV,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  TIMING,
  type ClientToServerEvents,
  type Command,
  type CommandResult,
  type JoinResult,
  type Notice,
  type PresenceAggregate,
  readModSettings,
  type ServerToClientEvents,
} from '@twinspace/shared';
import { command as commandSchema, joinRequest, presenceUpdate } from '@twinspace/shared/schemas';
import { clientAddress, limitKey } from '../http/address.ts';
import { originAllowed, type OriginPolicy } from '../http/origin.ts';
import type { Logger } from '../log.ts';
import type { BoardCommandRegistry } from '../rooms/board-api.ts';
import { runCommand, type CommandDeps } from '../rooms/commands.ts';
import { join, type JoinDeps, type Session } from '../rooms/join.ts';
import type { CommandLedger } from '../rooms/idempotency.ts';
import { mergePresence, PresenceHub } from '../rooms/presence.ts';
import { NotStoredError } from '../rooms/room.ts';
import {
  allowed,
  COMMANDS_PER_SOCKET,
  JOINS_PER_SOCKET,
  stateAllowed,
  type ConnectionBudgets,
} from './budgets.ts';
import { guardRecovery } from './recovery.ts';
import type { PresenceBus } from '../store/types.ts';

interface SocketData extends ConnectionBudgets {
  session?: Session;
}

/** What this adapter reads of an Engine.IO socket when it opens. */
interface EngineSocket {
  remoteAddress: string;
  request: IncomingMessage | null;
  close(): void;
  once(event: 'close', listener: () => void): void;
}
/** Between server processes (scale-out, through the adapter). */
interface InterServerEvents {
  /** A facilitator link was revoked: close its Yjs sockets here too (docs/team.md). */
  'link-revoked': (code: string, linkId: string) => void;
}
type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type ClientSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

const boardRoom = (code: string): string => `board:${code}`;
const personRoom = (code: string, participantId: string): string =>
  `person:${code}:${participantId}`;
const linkRoom = (code: string, linkId: string): string => `link:${code}:${linkId}`;

export interface ControlPlane {
  io: IO;
  /** Sends a notice to every connection of one participant on one board. */
  notify(code: string, participantId: string, notice: Notice): void;
  notifyBoard(code: string, notice: Notice): void;
  /**
   * This process's connections of a board (or of one person on it) after a removal
   * (rooms/removal.ts): a deleted board's get the `board-deleted` notice; all leave the
   * board (its presence, notices and commands).
   */
  closeLocal(code: string, participantId?: string): void;

  /**
   * A revoked facilitator link: its Socket.IO connections get a notice and are closed, its
   * Yjs sockets too (`onLinkRevoked`), on every process when scaled out.
   */
  revokeLink(code: string, linkId: string): void;
}

/**
 * The control plane: join handshake, commands, presence and notices. A thin adapter:
 * it validates every incoming message with the shared zod schemas and hands it to
 * transport-independent functions.
 */
export function attachSocketIO(
  http: HttpServer,
  deps: JoinDeps & {
    log: Logger;
    /** Scale-out: the Redis adapter and connection-state recovery. */
    serverOptions?: Partial<ServerOptions>;
    /** Scale-out: presence merged across processes. */
    presenceBus?: PresenceBus;
    /** Reverse proxies in front (TRUST_PROXY), to find the client's address. */
    proxyHops: number;
    /** Which pages may connect (docs/SECURITY.md, "HTTP and origins"). */
    origins: OriginPolicy;
    /** Idempotent commands (rooms/idempotency.ts): a repeated key runs once. */
    ledger?: CommandLedger;
    /** The board kinds' command handlers (server/src/boards/), handed in at start-up. */
    boards: BoardCommandRegistry;
    /** Deletes a board everywhere (rooms/removal.ts), for the `delete-board` command. */
    removeBoard: (code: string) => Promise<unknown>;
    /** A participant's own data leaves the board (rooms/erasure.ts), for `erase-my-data`. */
    erasePerson: CommandDeps['erasePerson'];
    /** A person removed with their content: their photos' bytes leave the store. */
    forgetPhotos: NonNullable<CommandDeps['forgetPhotos']>;
    /** Closes this process's Yjs sockets of a revoked facilitator link. */
    onLinkRevoked?: (code: string, linkId: string) => void;
    /** Every command's answer (the facilitators' activity log, docs/team.md). */
    onCommand?: (session: Session, cmd: Command, result: CommandResult) => void;
    /** Scale-out: whether a recovered connection's session still stands (realtime/recovery.ts). */
    sessionStands?: (session: Session) => Promise<boolean>;
  },
): ControlPlane {
  const io: IO = new Server(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    destroyUpgrade: false, // the Yjs endpoint shares this HTTP server's upgrades
    maxHttpBufferSize: 64 * 1024,
    // A page of another origin gets no connection at all (403 before any upgrade).
    allowRequest: (req, done) =>
      done(null, originAllowed(req.headers.origin, req.headers.host, deps.origins)),
    ...deps.serverOptions,
  });
  if (deps.sessionStands) guardRecovery(io, deps.sessionStands);
  // Engine.IO keeps each session's first HTTP request for its lifetime (express-session
  // needs it; we do not): a few KB per connection. Only the client's address (behind the
  // load balancer, from X-Forwarded-For) is kept, for the join rate limit.
  const addresses = new WeakMap<object, string>();
  io.engine.on('connection', (raw: EngineSocket) => {
    const forwarded = raw.request?.headers['x-forwarded-for'];
    const address = limitKey(clientAddress(raw.remoteAddress, forwarded, deps.proxyHops));
    addresses.set(raw, address);
    raw.request = null;
    // A hard stop below the typed refusal: a client that ignores too-many-sockets and keeps
    // its refused connections open (until connectTimeout) cannot pile them up either.
    const release = deps.limits.openSocket(
      'engine',
      address,
      2 * deps.limits.config.socketsPerAddress,
    );
    if (!release) return raw.close();
    raw.once('close', release);
  });
  const addressOf = (socket: ClientSocket): string =>
    addresses.get(socket.conn) ?? socket.handshake.address;
  const hubs = new Map<string, PresenceHub>();
  // An anonymous board's "who is here" carries no names (SPEC R25).
  const masked = (code: string, aggregate: PresenceAggregate): PresenceAggregate => {
    const doc = deps.registry.peek(code)?.doc;
    if (!doc || !readModSettings(doc).anonymous) return aggregate;
    return { ...aggregate, people: aggregate.people.map((p) => ({ ...p, name: '' })) };
  };
  const localHub = (code: string): PresenceHub =>
    new PresenceHub((aggregate) =>
      io.to(boardRoom(code)).emit(EV.presence, masked(code, aggregate)),
    );
  // Scaled out: swap this process's part for everyone's and send the merge. It goes
  // through the adapter (not io.local) so that it also gives clients the stream offsets
  // that connection-state recovery resumes from; every process's merge reads the same
  // parts, so the copies agree.
  const sharedHub = (code: string, bus: PresenceBus): PresenceHub =>
    new PresenceHub(
      (own) => {
        bus.exchange(code, own).then(
          (parts) =>
            io
              .to(boardRoom(code))
              .emit(EV.presence, masked(code, mergePresence(parts, Date.now()))),
          (error: unknown) =>
            deps.log.warn({ code, error: String(error) }, 'presence exchange failed'),
        );
      },
      Date.now,
      TIMING.presenceHeartbeatMs,
    );
  const hubFor = (code: string): PresenceHub => {
    let hub = hubs.get(code);
    if (!hub) {
      hub = deps.presenceBus ? sharedHub(code, deps.presenceBus) : localHub(code);
      hubs.set(code, hub);
    }
    return hub;
  };
  const leaveHub = (socket: ClientSocket): void => {
    const code = socket.data.session?.code;
    const hub = code ? hubs.get(code) : undefined;
    if (!code || !hub) return;
    hub.remove(socket.id);
    if (hub.size === 0) {
      hub.destroy();
      hubs.delete(code);
      void deps.presenceBus?.leave(code).catch(() => undefined);
    }
  };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { protocolVersion?: unknown };
    if (auth.protocolVersion !== PROTOCOL_VERSION) {
      const err = new Error(CONNECT_ERROR_VERSION) as Error & { data: unknown };
      err.data = { expected: PROTOCOL_VERSION, got: auth.protocolVersion ?? null };
      return next(err);
    }
    next();
  });
  // Last of the middlewares: a socket counted here always gets its 'disconnect'.
  io.use((socket, next) => {
    const release = deps.limits.openSocket('socketio', addressOf(socket));
    if (!release) return next(new Error(CONNECT_ERROR_SOCKETS));
    socket.on('disconnect', release);
    next();
  });

  io.on('connection', (socket: ClientSocket) => {
    // A recovered connection (scale-out) comes back joined, without a new join: count it present.
    const recovered = socket.recovered ? socket.data.session : undefined;
    if (recovered) hubFor(recovered.code).add({ connId: socket.id, ...recovered });
    socket.on(EV.join, async (raw, ack) => {
      if (typeof ack !== 'function') return;
      if (!allowed(socket, 'joins', JOINS_PER_SOCKET))
        return ack({
          type: 'join-refused',
          reason: 'rate-limited',
          message: 'too many joins at once, wait a moment',
          retryAfterS: Math.ceil(1 / JOINS_PER_SOCKET.perSecond),
        });
      const parsed = joinRequest.safeParse(raw);
      if (!parsed.success) return ack(badJoin(parsed.error.issues[0]?.message));
      const req =
        parsed.data.withState && !stateAllowed(socket)
          ? { ...parsed.data, withState: false }
          : parsed.data;
      try {
        const { result, session } = await join(deps, req, addressOf(socket));
        if (session) {
          leaveHub(socket);
          for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
          socket.data.session = session;
          await socket.join([
            boardRoom(session.code),
            personRoom(session.code, session.participantId),
            ...(session.link ? [linkRoom(session.code, session.link)] : []),
          ]);
          hubFor(session.code).add({ connId: socket.id, ...session });
        }
        ack(result);
      } catch (error) {
        deps.log.error({ error }, 'join failed');
        ack(badJoin('the server could not complete the join'));
      }
    });

    socket.on(EV.command, async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const session = socket.data.session;
      if (!session) return ack(refusedCommand('not-joined', 'join a board first'));
      if (!allowed(socket, 'commands', COMMANDS_PER_SOCKET))
        return ack(refusedCommand('limit-reached', 'too many commands at once, wait a moment'));
      const parsed = commandSchema.safeParse(raw);
      if (!parsed.success)
        return ack(refusedCommand('bad-request', parsed.error.issues[0]?.message ?? 'bad command'));
      try {
        const commandDeps = {
          registry: deps.registry,
          boards: deps.boards,
          removeBoard: deps.removeBoard,
          erasePerson: deps.erasePerson,
          forgetPhotos: deps.forgetPhotos,
          secret: (name: string) => deps.store.secret(name),
          announceRemoved,
          nameOf: async (code: string, id: string) =>
            (await deps.store.getParticipant(code, id))?.name,
        };
        const run = () => runCommand(commandDeps, session, parsed.data);
        // A keyed command (a device's outbox) runs once however often it is sent.
        const result = await (deps.ledger?.run(session.code, session.participantId, raw, run) ??
          run());
        // Anonymous mode switched: "who is here" goes out again, masked or not (SPEC R25).
        if (parsed.data.type === 'mod-settings' && result.type === 'ok')
          hubs.get(session.code)?.touch();
        ack(result);
        deps.onCommand?.(session, parsed.data, result);
      } catch (error) {
        // Not stored (SPEC R11): nothing happened, and the device's outbox tries again.
        if (error instanceof NotStoredError) {
          deps.log.warn({ cmd: parsed.data.type, code: session.code }, 'command not stored');
          return ack(refusedCommand('not-stored', 'the server could not store it yet'));
        }
        deps.log.error({ error, cmd: parsed.data.type }, 'command failed');
        ack(refusedCommand('bad-request', 'the server could not run this command'));
      }
    });

    socket.on(EV.presence, (raw) => {
      const session = socket.data.session;
      const parsed = presenceUpdate.safeParse(raw);
      if (!session || !parsed.success) return;
      hubs.get(session.code)?.update(socket.id, parsed.data);
    });

    socket.on('disconnect', () => leaveHub(socket));
  });

  const notifyBoard = (code: string, notice: Notice): void => {
    io.to(boardRoom(code)).emit(EV.notice, notice);
  };
  // Through the adapter, so a removed participant's sockets on every process hear it and close.
  const announceRemoved = (code: string, participantId: string): void => {
    io.to(personRoom(code, participantId)).emit(EV.notice, { type: 'removed' });
    io.in(personRoom(code, participantId)).disconnectSockets(true);
  };
  io.on('link-revoked', (code, linkId) => deps.onLinkRevoked?.(code, linkId));
  const revokeLink = (code: string, linkId: string): void => {
    const room = linkRoom(code, linkId);
    io.to(room).emit(EV.notice, { type: 'link-revoked' });
    io.in(room).disconnectSockets(false);
    deps.onLinkRevoked?.(code, linkId);
    // Other processes close their Yjs sockets of this link (the in-memory adapter has none).
    if (deps.serverOptions?.adapter) io.serverSideEmit('link-revoked', code, linkId);
  };
  return {
    io,
    revokeLink,
    notify: (code, participantId, notice) =>
      io.to(personRoom(code, participantId)).emit(EV.notice, notice),
    notifyBoard,
    closeLocal(code, participantId) {
      const room = participantId === undefined ? boardRoom(code) : personRoom(code, participantId);
      for (const id of [...(io.sockets.adapter.rooms.get(room) ?? [])]) {
        const socket = io.sockets.sockets.get(id);
        if (!socket) continue;
        if (participantId === undefined) socket.emit(EV.notice, { type: 'board-deleted' });
        // Detached rather than disconnected: the command that deleted the board is still
        // to be answered on one of them. Unjoined, a connection can do nothing more here.
        leaveHub(socket);
        delete socket.data.session;
        for (const joined of [...socket.rooms]) if (joined !== socket.id) void socket.leave(joined);
      }
    },
  };
}

const badJoin = (message = 'bad join request'): JoinResult => ({
  type: 'join-refused',
  reason: 'bad-request',
  message,
});
const refusedCommand = (
  reason: Extract<CommandResult, { type: 'refused' }>['reason'],
  message: string,
): CommandResult => ({ type: 'refused', reason, message });

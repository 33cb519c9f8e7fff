/**
 * The wire protocol: every message type and event name exchanged between client and
 * server, and the constants both sides use. Client -> server messages are zod schemas in
 * schemas.ts (the server validates every one at runtime); here they are types derived from
 * those schemas through type-only imports, which erase, so the client that imports this
 * module ships no zod. Server -> client messages are plain types. Both unions are tagged by
 * `type`. Bump PROTOCOL_VERSION on any incompatible change: the server refuses a client of
 * another version at connect (SPEC R10).
 */
import type { z } from 'zod';
import type { BoardKind } from './boards/common.ts';
import type { RefusalReason, Role, TeamRole } from './rules/model.ts';
import type { OpenSpaceReply } from './boards/open-space/notices.ts';
import type { ModerationList } from './boards/moderation/commands.ts';
import type { PollReply } from './boards/poll/commands.ts';
import type { QaReply } from './boards/qa/commands.ts';
import type * as schemas from './schemas.ts';

export const PROTOCOL_VERSION = 1;

/** Socket.IO event names, shared by both sides so no string is ever typed twice. */
export const EV = {
  join: 'join',
  command: 'command',
  presence: 'presence',
  notice: 'notice',
} as const;

/** Path of the y-protocols (y-websocket compatible) endpoint: `${YWS_PATH}/${code}?ticket=`. */
export const YWS_PATH = '/yjs';
export const SOCKET_IO_PATH = '/socket.io';
/** Largest frame the Yjs endpoint accepts; larger ones close the connection (1009). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/** WebSocket close codes the Yjs endpoint uses (4000-4999 are application codes). */
export const WS_CLOSE = {
  badTicket: 4401,
  unknownBoard: 4404,
  badVersion: 4426,
  boardDeleted: 4410,
  /** The participant deleted their data (docs/privacy.md): this device forgets the board. */
  participantErased: 4403,
  /** This address has SOCKETS_PER_ADDRESS Yjs sockets open already. */
  tooManySockets: 4429,
  /** The process is restarting (drain): reconnect at once, through the balancer, no error. */
  serviceRestart: 1012,
  /** A facilitator removed this participant from the board (moderation): do not reconnect. */
  removed: 4407,
  /** The facilitator link this connection joined with was revoked (docs/team.md): no retry. */
  linkRevoked: 4406,
} as const;

// ---------------------------------------------------------------- HTTP API

export type CreateBoardRequest = z.infer<typeof schemas.createBoardRequest>;

export interface CreateBoardResponse {
  code: string;
  kind: BoardKind;
  title: string;
  facilitatorToken: string;
  participantUrl: string;
  projectorUrl: string;
  facilitatorUrl: string;
}

export interface BoardInfo {
  code: string;
  kind: BoardKind;
  title: string;
  createdAt: number;
  askCity: boolean;
  cities: string[];
  languages: string[];
}

// ---------------------------------------------------------------- client -> server

export type JoinRequest = z.infer<typeof schemas.joinRequest>;

/** Facilitator and participant commands that are not plain document edits. */
export type Command = z.infer<typeof schemas.command>;
/** The types of the commands every board kind has. */
export type CommonCommandType = z.infer<(typeof schemas.commonCommands)[number]>['type'];
/** A command with its idempotency key (schemas.ts, commandEnvelope). */
export type KeyedCommand = Command & z.infer<typeof schemas.commandEnvelope>;

export type PresenceUpdate = z.infer<typeof schemas.presenceUpdate>;

// ---------------------------------------------------------------- server -> client

export const JOIN_ERRORS = [
  'bad-request',
  'protocol-version',
  'unknown-board',
  'bad-facilitator-token',
  'name-required',
  'city-required',
  'rate-limited',
  /** The board has PARTICIPANTS_PER_BOARD participants already. */
  'board-full',
  /** Too many new participants on this board from this address (JOINS_PER_BOARD_PER_ADDRESS_PER_HOUR). */
  'too-many-joins',
  /** More Socket.IO connections from this address than SOCKETS_PER_ADDRESS (a connect error). */
  'too-many-sockets',
  /** A facilitator removed this participant from the board (moderation). */
  'removed',
] as const;
export type JoinError = (typeof JOIN_ERRORS)[number];

export type JoinResult =
  | {
      type: 'joined';
      board: BoardInfo;
      role: Role;
      participantId: string;
      participantSecret: string;
      ticket: string;
      /** The server's clock when it answered, for clock-offset estimation (timers). */
      serverTime: number;
      /**
       * The whole document as one Yjs update, when asked for (withState). Binary on the
       * wire (a Socket.IO attachment): an ArrayBuffer in browsers, a Buffer in Node.
       */
      state?: Uint8Array | ArrayBuffer;
      /** `state` is compressed this way (asked for by the join's stateEncoding). */
      stateEncoding?: 'deflate-raw';
      /** A facilitator's link (issue 16, docs/team.md): its id ('owner' for the board's own) and role. */
      team?: { linkId: string; role: TeamRole };
    }
  | {
      type: 'join-refused';
      reason: JoinError;
      message: string;
      /** For `rate-limited` and `too-many-joins`: seconds until trying again may succeed. */
      retryAfterS?: number;
    };

/** What a command may return beyond ok/refused (a ballot, a schedule preview). */
export type CommandData = OpenSpaceReply | ModerationList | PollReply | QaReply;

export type CommandResult =
  | { type: 'ok'; data?: CommandData }
  | {
      type: 'refused';
      /**
       * `not-stored`: the server could not store the change (its store or Redis away, the room
       * closing): nothing was done, and the device's outbox sends it again with its key.
       */
      reason: RefusalReason | 'not-joined' | 'bad-request' | 'not-stored';
      message: string;
      data?: CommandData;
    };

export type Notice =
  | { type: 'update-refused'; reason: RefusalReason; detail?: string | undefined }
  | { type: 'board-deleted' }
  | { type: 'ticket'; ticket: string }
  /** A facilitator removed this participant: their sockets close next (moderation). */
  | { type: 'removed' }
  /** The facilitator link this connection joined with was revoked; the socket closes next. */
  | { type: 'link-revoked' };

export interface PresenceAggregate {
  type: 'presence';
  /** Connected people by role, and participants by city (remote teams see each other). */
  online: { facilitator: number; participant: number; projector: number };
  byCity: Record<string, number>;
  /** The first names shown in "who is here" (bounded, so 300 phones cost little). */
  people: { id: string; name: string; city?: string | undefined; typing: boolean }[];
  serverTime: number;
}

/** Socket.IO typed event maps, used on both sides. */
export interface ClientToServerEvents {
  [EV.join]: (request: JoinRequest, ack: (result: JoinResult) => void) => void;
  [EV.command]: (cmd: KeyedCommand, ack: (result: CommandResult) => void) => void;
  [EV.presence]: (update: PresenceUpdate) => void;
}

export interface ServerToClientEvents {
  [EV.notice]: (notice: Notice) => void;
  [EV.presence]: (aggregate: PresenceAggregate) => void;
}

/** Sent in Socket.IO's handshake `auth`, checked before any event is accepted. */
export interface HandshakeAuth {
  protocolVersion: number;
}

/** What a signed Yjs ticket asserts (SPEC R8). */
export interface TicketClaims {
  board: string;
  role: Role;
  participantId: string;
  /** The city the participant joined as, when the board asks for one (FieldRule.mustEqualActor). */
  city?: string | undefined;
  /** A facilitator's link id and role (docs/team.md): revocation closes its sockets, rights follow the role. */
  link?: string | undefined;
  team?: TeamRole | undefined;
  /** Expiry, ms since epoch. */
  exp: number;
}

/** Typed Socket.IO connect error, for a client of another protocol version. */
export const CONNECT_ERROR_VERSION = 'protocol-version';
/** Typed Socket.IO connect error: this address has SOCKETS_PER_ADDRESS connections open. */
export const CONNECT_ERROR_SOCKETS = 'too-many-sockets';

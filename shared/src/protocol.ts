/**
 * The wire protocol: every message shape and event name exchanged between client and
 * server is defined here and nowhere else. Client -> server messages are zod schemas
 * (the server validates every one at runtime); server -> client messages are types.
 * Both unions are tagged by `type`. Bump PROTOCOL_VERSION on any incompatible change:
 * the server refuses a client of another version at connect (SPEC R10).
 */
import { z } from 'zod';
import { BOARD_KINDS, type BoardKind } from './boards/common.ts';
import { ROLES, type RefusalReason, type Role } from './rules/model.ts';
import { openSpaceCommands } from './boards/open-space/commands.ts';
import { matchSprintCommands } from './boards/match-sprint/commands.ts';
import type { OpenSpaceNotice, OpenSpaceReply } from './boards/open-space/notices.ts';
import { topFiveCommands } from './boards/top-five/commands.ts';
import { timerCommands } from './boards/timer/commands.ts';
import type { MatchSprintNotice } from './boards/match-sprint/notices.ts';

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
  /** This address has SOCKETS_PER_ADDRESS Yjs sockets open already. */
  tooManySockets: 4429,
  /** The process is restarting (drain): reconnect at once, through the balancer, no error. */
  serviceRestart: 1012,
} as const;

// ---------------------------------------------------------------- HTTP API

export const createBoardRequest = z.object({
  kind: z.enum(BOARD_KINDS),
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is too long'),
});
export type CreateBoardRequest = z.infer<typeof createBoardRequest>;

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

export interface ApiError {
  error: string;
}

// ---------------------------------------------------------------- client -> server

const displayName = z.string().trim().min(1, 'name must not be empty').max(60, 'name is too long');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'not a language tag');

export const joinRequest = z.object({
  type: z.literal('join'),
  protocolVersion: z.number().int(),
  code: z.string().min(1).max(20),
  role: z.enum(ROLES),
  name: displayName.optional(),
  city: z.string().trim().min(1).max(80).optional(),
  language: language.optional(),
  facilitatorToken: z.string().min(16).max(200).optional(),
  /** Rejoining as the same participant (same device): both ids came from an earlier join. */
  participantId: z.string().min(6).max(64).optional(),
  participantSecret: z.string().min(16).max(200).optional(),
  /**
   * Send the board's document with the answer (a first join): the screen paints from it
   * at once instead of a round trip later over the Yjs socket, which then syncs only
   * what changed since (SPEC R16).
   */
  withState: z.boolean().optional(),
});
export type JoinRequest = z.infer<typeof joinRequest>;

/** Commands every board kind has. */
export const commonCommands = [
  z.object({ type: z.literal('set-phase'), phase: z.string().min(1).max(40) }),
  z.object({ type: z.literal('rename'), name: displayName }),
  z.object({ type: z.literal('delete-board'), confirm: z.literal(true) }),
] as const;

/** Facilitator and participant commands that are not plain document edits. */
export const command = z.discriminatedUnion('type', [
  ...commonCommands,
  ...openSpaceCommands,
  ...matchSprintCommands,
  ...topFiveCommands,
  ...timerCommands,
]);
export type Command = z.infer<typeof command>;

/**
 * A command's idempotency key (optional, beside `type`): a device's outbox sends a command
 * until it gets an answer, possibly to another process after a reconnect; the server runs
 * each (board, participant, key) once and answers repeats with the first result.
 */
export const commandKey = /* @__PURE__ */ z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const commandEnvelope = /* @__PURE__ */ z.object({ key: commandKey.optional() });
export type KeyedCommand = Command & { key?: string };

export const presenceUpdate = z.object({
  type: z.literal('presence'),
  /** What the participant is looking at (a part or entity id), for "who is here". */
  focus: z.string().max(80).nullable(),
  typing: z.boolean(),
});
export type PresenceUpdate = z.infer<typeof presenceUpdate>;

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
    }
  | {
      type: 'join-refused';
      reason: JoinError;
      message: string;
      /** For `rate-limited` and `too-many-joins`: seconds until trying again may succeed. */
      retryAfterS?: number;
    };

/** What a command may return beyond ok/refused (a ballot, a schedule preview). */
export type CommandData = OpenSpaceReply;

export type CommandResult =
  | { type: 'ok'; data?: CommandData }
  | {
      type: 'refused';
      reason: RefusalReason | 'not-joined' | 'bad-request';
      message: string;
      data?: CommandData;
    };

export type Notice =
  | { type: 'update-refused'; reason: RefusalReason; detail?: string | undefined }
  | { type: 'board-deleted' }
  | { type: 'ticket'; ticket: string }
  | OpenSpaceNotice
  | MatchSprintNotice;

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
  /** Expiry, ms since epoch. */
  exp: number;
}

/** Typed Socket.IO connect error, for a client of another protocol version. */
export const CONNECT_ERROR_VERSION = 'protocol-version';
/** Typed Socket.IO connect error: this address has SOCKETS_PER_ADDRESS connections open. */
export const CONNECT_ERROR_SOCKETS = 'too-many-sockets';

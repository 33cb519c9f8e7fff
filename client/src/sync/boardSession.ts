import type * as Y from 'yjs';
import {
  CONNECT_ERROR_SOCKETS,
  CONNECT_ERROR_VERSION,
  EV,
  type Command,
  type CommandResult,
  type JoinResult,
  type Notice,
  type PresenceUpdate,
} from '@twinspace/shared/protocol';
import { TIMING } from '@twinspace/shared/timing';
import type { Role } from '@twinspace/shared/rules/model';
import { boardActions } from '../state/boardStore.ts';
import { presenceActions } from '../state/presenceStore.ts';
import { sessionActions } from '../state/sessionStore.ts';
import { ApiError, fetchBoard } from './api.ts';
import { ConnectionTracker } from './connectionTracker.ts';
import { DocConnection } from './docConnection.ts';
import { knownOrHandedOver } from '../events/handoff.ts';
import { loadIdentity, takeFacilitatorToken } from './identity.ts';
import {
  buildJoinRequest,
  mayBeOnDevice,
  pickDetails,
  requestJoin,
  type JoinAttempt,
  type JoinDetails,
} from './joining.ts';
import { refusalEnding, rememberJoin, type JoinRefusal } from './joinAnswer.ts';
import { refusalToast } from './refusals.ts';
import { createSocket, refusalOf, type TwinSocket } from './socket.ts';
import { throttle } from './throttle.ts';
import { boardOnThisDevice, discardPrepared } from './devicePrepare.ts';
import { CommandChannel } from './commandChannel.ts';
import { forgetOnEnd, forgetRoleOnDevice, type EndStatus } from './sessionEnd.ts';

/**
 * One board route's live session: loads the board, joins over Socket.IO, keeps the Yjs
 * document connected, and reports everything into the stores. Components never talk to
 * transports; they call the few methods here (and edit `doc` through board operations).
 */
export class BoardSession {
  private readonly tracker = new ConnectionTracker(navigator.onLine);
  private socket: TwinSocket | null = null;
  private docs: DocConnection | null = null;
  private token: string | null = null;
  /** The last join ticket and when it came: a participant's credential for exports. */
  private ticket: { value: string; at: number } | null = null;
  /** The server refused the control socket: this network has too many open (SOCKETS_PER_ADDRESS). */
  private socketsFull = false;
  private details: JoinDetails = {};
  /** The control socket has joined since it last connected: commands can be answered. */
  private joinedOnSocket = false;
  /** Counts the control socket's rejoins: a newer connection's replaces an older one's. */
  private rejoinRound = 0;
  /** Loaded with the first command (or a stored one): votes and the like made offline. */
  private readonly commands: CommandChannel;
  private lastPresence: PresenceUpdate = { type: 'presence', focus: null, typing: false };
  private destroyed = false;
  private readonly sendPresence = throttle((update: PresenceUpdate) => {
    if (this.docs && this.socket?.connected) this.socket.emit(EV.presence, update);
  }, TIMING.presenceClientThrottleMs);

  constructor(
    readonly code: string,
    readonly role: Role,
  ) {
    this.commands = new CommandChannel(`outbox.${code}.${role}`, {
      socket: () => this.socket,
      joined: () => this.joinedOnSocket,
    });
    sessionActions().reset(this);
    boardActions().reset();
    presenceActions().set(null);
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
  }

  /** The document to edit; null until joined. Changes identity after a resync. */
  get doc(): Y.Doc | null {
    return this.docs?.current ?? null;
  }

  /** The facilitator's secret (facilitator route only), to show their own link again. */
  get facilitatorToken(): string | null {
    return this.token;
  }

  /**
   * Opens the board: from this device's copy at once when it holds one (a repeat visit is
   * editable before any round trip; the control socket's 'connect' joins behind it), else
   * loads its info and joins at once when nothing needs asking (projector, known device).
   */
  async open(): Promise<void> {
    sessionActions().patch({ status: 'loading', problem: null });
    // Connect the control socket (or adopt the one the entry script preconnected) while the
    // board info loads and the person types their name: the join is then one message on an
    // open socket. Every ending below closes it with the session.
    this.ensureSocket();
    if (this.role === 'facilitator') {
      this.token = takeFacilitatorToken(this.code);
      if (!this.token) return this.end('missing-key');
    }
    const loaded = this.loadInfo();
    if (mayBeOnDevice(this.code, this.role) && (await this.openFromDevice())) return;
    if (!(await loaded)) {
      if (this.destroyed || (await this.openFromDevice())) return;
      return sessionActions().patch({ status: 'load-error' });
    }
    const identity = this.role === 'projector' ? null : knownOrHandedOver(this.code, this.role);
    sessionActions().patch({ name: identity?.name ?? null, city: identity?.city ?? null });
    if (this.role === 'projector' || identity?.name) {
      await this.join(identity ? pickDetails(identity) : {});
    } else {
      sessionActions().patch({ status: 'needs-join' });
    }
  }

  /** Loads the board's info into the store; false when that failed (a 404 ends the session). */
  private async loadInfo(): Promise<boolean> {
    try {
      const board = await fetchBoard(this.code);
      if (this.destroyed) return false;
      this.tracker.update((f) => ({ ...f, reachable: true }));
      sessionActions().patch({ board });
      return true;
    } catch (error) {
      if (this.destroyed) return false;
      const reached = error instanceof ApiError && error.kind !== 'network';
      this.tracker.update((f) => ({ ...f, reachable: reached }));
      if (error instanceof ApiError && error.kind === 'not-found') this.end('not-found');
      return false;
    }
  }

  /**
   * A repeat visit, or no network: show the board as this device last saw it, with its own
   * unsynced edits, and join as soon as the control socket connects (its 'connect' handler).
   */
  private async openFromDevice(): Promise<boolean> {
    const found = await boardOnThisDevice(this.code, this.role);
    if (!found || this.destroyed || this.docs) {
      if (found?.early) discardPrepared(found.early);
      return false;
    }
    const { board, identity, early } = found;
    if (identity) this.details = pickDetails(identity);
    sessionActions().patch({
      status: 'joined',
      board,
      role: this.role,
      participantId: identity?.participantId ?? null,
      name: identity?.name ?? null,
      city: identity?.city ?? null,
    });
    this.tracker.update((f) => ({ ...f, live: true }));
    this.docs = new DocConnection(
      this.code,
      this.role,
      null,
      this.tracker,
      this.docHooks,
      null,
      early,
    );
    this.commands.load(); // shows what waits from the last visit
    if (this.socket?.connected) void this.refreshTicket();
    return true;
  }

  /** The join form was submitted. */
  async join(details: JoinDetails): Promise<void> {
    this.details = details;
    sessionActions().patch({ status: 'joining', problem: null });
    const attempt = await this.requestJoin();
    if (this.destroyed) return;
    if (attempt.result === 'timeout') {
      return sessionActions().patch({
        status: this.role === 'projector' ? 'load-error' : 'needs-join',
        problem: this.socketsFull ? 'too-many-sockets' : 'timeout',
      });
    }
    this.handleJoinResult({ ...attempt, result: attempt.result });
  }

  /** A command, through the outbox unless it is a query (`commandChannel.ts`). */
  command(cmd: Command): Promise<CommandResult | 'timeout'> {
    return this.commands.run(cmd);
  }

  /** The server confirmed: the facilitator deleted the board, or this person their data. */
  ended(why: 'deleted' | 'erased'): void {
    this.end(why);
  }

  presence(focus: string | null, typing: boolean): void {
    if (this.lastPresence.focus === focus && this.lastPresence.typing === typing) return;
    this.lastPresence = { type: 'presence', focus, typing };
    this.sendPresence(this.lastPresence);
  }

  /** The route unmounted: close everything and leave the stores to the next session. */
  destroy(): void {
    this.teardown();
    if (sessionActions().controller === this) sessionActions().patch({ controller: null });
  }

  /**
   * The person leaves this board on this device: the session closes, then its copy, outbox,
   * unsent edits and identity are removed (their cards stay on the board).
   */
  leave(): void {
    this.destroy();
    forgetRoleOnDevice(this.code, this.role);
  }

  /** Closes the transports; the session object stays to show its final screen. */
  private teardown(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    this.sendPresence.cancel();
    this.docs?.destroy();
    this.docs = null;
    this.socket?.disconnect();
    this.socket = null;
    presenceActions().set(null);
  }

  private ensureSocket(): TwinSocket {
    if (this.socket) return this.socket;
    const socket = createSocket();
    socket.on('connect', () => {
      this.socketsFull = false;
      this.tracker.update((f) => ({ ...f, socket: true, socketFailed: false }));
      // A new Socket.IO connection is a new server-side socket: it has to join again.
      if (this.docs) void this.rejoin().then(() => this.sendPresence(this.lastPresence));
    });
    socket.on('disconnect', () => {
      this.joinedOnSocket = false;
      this.tracker.update((f) => ({ ...f, socket: false, joined: false }));
    });
    socket.on('connect_error', (error) => this.onConnectError(error.message));
    socket.on(EV.notice, (notice) => this.onNotice(notice));
    socket.on(EV.presence, (aggregate) => presenceActions().set(aggregate));
    // A preconnected socket may have connected, or been refused, before these handlers existed.
    if (socket.connected) this.tracker.update((f) => ({ ...f, socket: true }));
    this.socket = socket;
    const refused = refusalOf(socket);
    if (!socket.connected && refused) this.onConnectError(refused);
    return socket;
  }

  /** A typed refusal of the control socket (Socket.IO does not retry those by itself). */
  private onConnectError(message: string): void {
    this.tracker.update((f) => (f.socketFailed ? f : { ...f, socketFailed: true }));
    if (message === CONNECT_ERROR_VERSION) return this.end('outdated');
    // The server has as many connections from this network as it takes (SOCKETS_PER_ADDRESS).
    this.socketsFull = message === CONNECT_ERROR_SOCKETS;
    if (this.socketsFull && !this.docs)
      sessionActions().patch({
        status: this.role === 'projector' ? 'load-error' : 'needs-join',
        problem: 'too-many-sockets',
      });
  }

  private requestJoin(): Promise<JoinAttempt> {
    const identity = this.role === 'projector' ? null : loadIdentity(this.code, this.role);
    const creds = { code: this.code, role: this.role, facilitatorToken: this.token, identity };
    const request = buildJoinRequest(creds, this.details);
    // The first join brings the board with it (SPEC R14); later ones only renew the ticket.
    if (!this.docs) request.withState = true;
    const socket = this.ensureSocket();
    // Refused by the server (too many sockets): a new attempt connects again.
    if (!this.destroyed && !socket.connected && !socket.active) socket.connect();
    return requestJoin(socket, request);
  }

  private handleJoinResult(attempt: JoinAttempt & { result: JoinResult }): void {
    const { result } = attempt;
    if (result.type === 'join-refused') return this.onJoinRefused(result.reason);
    rememberJoin(this.code, this.role, this.details, { ...attempt, result });
    this.joinedOnSocket = true;
    this.tracker.update((f) => (f.joined ? f : { ...f, joined: true }));
    // Send what waits (also what an earlier visit left); loaded while online, so a vote
    // made offline never waits for a chunk.
    this.commands.flush();
    sessionActions().patch({
      status: 'joined',
      board: result.board,
      role: result.role,
      participantId: result.participantId,
      name: this.details.name ?? null,
      city: this.details.city ?? null,
      team: result.team ?? null,
    });
    this.ticket = { value: result.ticket, at: Date.now() };
    if (this.docs) return this.docs.setTicket(result.ticket);
    this.tracker.update((f) => ({ ...f, reachable: true, live: true }));
    this.docs = new DocConnection(
      this.code,
      this.role,
      result.ticket,
      this.tracker,
      this.docHooks,
      result.state ? new Uint8Array(result.state) : null,
    );
  }

  /** The join was refused: the session ends (`refusalEnding`), or the form asks again. */
  private onJoinRefused(reason: JoinRefusal): void {
    const ending = refusalEnding(this.code, reason, this.docs !== null);
    if (ending) return this.end(ending);
    if (!this.docs) sessionActions().patch({ status: 'needs-join', problem: reason });
  }

  /**
   * What reads of the board over HTTP (exports) present as `Authorization: Bearer`: the
   * facilitator's key, else a join ticket that is still valid (a fresh one when it is old).
   */
  async readCredential(): Promise<string | null> {
    if (this.token) return this.token;
    const margin = 30_000;
    if (this.ticket && Date.now() - this.ticket.at < TIMING.ticketTtlMs - margin)
      return this.ticket.value;
    return this.refreshTicket();
  }

  /**
   * Joins again on a (re)connected control socket, and again while it stays connected and
   * no answer comes: an answer later than the join's wait is dropped, and until the socket
   * has joined, commands (a vote) wait in the outbox however long the link stays up.
   */
  private async rejoin(): Promise<void> {
    const round = ++this.rejoinRound;
    const current = (): boolean =>
      round === this.rejoinRound && !this.destroyed && this.socket?.connected === true;
    while (current() && !this.joinedOnSocket) {
      const attempt = await this.requestJoin();
      if (attempt.result !== 'timeout' && !this.destroyed)
        return this.handleJoinResult({ ...attempt, result: attempt.result });
    }
  }

  /** Joins again with the same identity, for a fresh ticket. */
  private async refreshTicket(): Promise<string | null> {
    const attempt = await this.requestJoin();
    if (this.destroyed || attempt.result === 'timeout') return null;
    this.handleJoinResult({ ...attempt, result: attempt.result });
    return attempt.result.type === 'joined' ? attempt.result.ticket : null;
  }

  private readonly docHooks = {
    refreshTicket: () => this.refreshTicket(),
    onRefused: refusalToast,
    // "That item no longer exists": the change was kept nowhere.
    onLost: (subject: string | null) => refusalToast('not-found', subject),
    onGone: (why: 'deleted' | 'outdated' | 'erased' | 'removed' | 'revoked') => this.end(why),
  };

  private onNotice(notice: Notice): void {
    switch (notice.type) {
      case 'ticket':
        return this.docs?.setTicket(notice.ticket);
      case 'update-refused':
        // The Yjs connection's own refusal, in order with the edits, drives the recovery.
        return;
      case 'board-deleted':
      case 'removed':
        return this.end(notice.type === 'removed' ? 'removed' : 'deleted');
      case 'link-revoked':
        return this.end('revoked');
      default:
        // Board-specific notices (open-space, match-sprint) belong to their board modules.
        return;
    }
  }

  /** Ends the session on a terminal screen; a deleted board leaves nothing on the device. */
  private end(status: EndStatus): void {
    forgetOnEnd(this.code, this.role, status);
    this.teardown();
    sessionActions().patch({ status });
  }

  private readonly onBrowserOffline = (): void => {
    this.tracker.update((f) => ({ ...f, browserOnline: false }));
    this.docs?.pause();
    // Commands wait in the outbox rather than in a socket that may be dead without knowing it.
    this.socket?.disconnect();
  };

  private readonly onBrowserOnline = (): void => {
    this.tracker.update((f) => ({ ...f, browserOnline: true }));
    this.docs?.resume();
    if (this.socket && !this.socket.connected) this.socket.connect();
  };
}

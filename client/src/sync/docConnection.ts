import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WS_CLOSE, YWS_PATH } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { keepOnDevice, type LocalCopy } from './deviceCopy.ts';
import { bindDoc } from './docBinding.ts';
import { withSynced, withWsStatus } from './connectionState.ts';
import type { ConnectionTracker } from './connectionTracker.ts';
import type { EditLog } from './editLog.ts';
import { wsBase } from './socket.ts';
import { loadChunk } from './chunks.ts';
import type { OpenedCopy, PreparedOpen } from './devicePrepare.ts';

/** How the document connection asks its owner (the board session) for help. */
export interface DocConnectionHooks {
  /** Re-join over Socket.IO for a fresh ticket; null when that is not possible right now. */
  refreshTicket(): Promise<string | null>;
  /**
   * The server refused one of our edits: `subject` names it in a few words when known.
   * Every other edit of the person is kept (editLog.ts).
   */
  onRefused(reason: string, subject: string | null): void;
  /**
   * An edit of the person reached the server after its entity was deleted (offline while a
   * facilitator deleted or hid it): nothing of it stays, and `subject` names it.
   */
  onLost(subject: string | null): void;
  /** The board is gone, this client is too old, its person was removed or erased, or its facilitator link revoked: the session ends. */
  onGone(why: 'deleted' | 'outdated' | 'erased' | 'removed' | 'revoked'): void;
}

/** A broken snapshot costs nothing but the head start: the socket's sync brings it all. */
function applyServerState(doc: Y.Doc, state: Uint8Array): void {
  try {
    Y.applyUpdate(doc, state);
  } catch {
    // ignored: the provider's sync step 2 follows
  }
}

/** The person's unconfirmed edits: loaded beside the board, not before it (size budget). */
const loadEditLog = () => loadChunk(() => import('./editLog.ts'));
/** Backoff between attempts to recover from a refused connection (bad ticket...). */
const RECOVER_BASE_MS = 1_000;
const RECOVER_MAX_MS = 30_000;

/**
 * The board's Y.Doc and its y-websocket provider. Owns the two hard cases of the sync
 * protocol: an expired ticket (close 4401: join again for a new one, reconnect) and a refused
 * update (start again from the server's state with a new clientID, because a refused update
 * left in the local doc would be re-sent on every reconnect, then apply the person's other
 * unconfirmed edits again: EditLog).
 */
export class DocConnection {
  private doc: Y.Doc;
  private provider: WebsocketProvider;
  private copy: LocalCopy | null = null;
  private unbind: (() => void) | null = null;
  /** Null while the device has not joined yet (a board opened offline from its copy). */
  private ticket: string | null;
  /** The device copy has been loaded into the current document: the provider may connect. */
  private loaded = false;
  private paused = false;
  private destroyed = false;
  private log: EditLog | null = null;
  private logLoad: Promise<EditLog> | null = null;
  /** Connections refused in a row; reset by a successful sync. Drives the backoff. */
  private refusedConnections = 0;

  constructor(
    private readonly code: string,
    private readonly role: Role,
    ticket: string | null,
    private readonly tracker: ConnectionTracker,
    private readonly hooks: DocConnectionHooks,
    /** The board as the join answer brought it (SPEC R14): shown before the socket syncs. */
    initialState: Uint8Array | null = null,
    /** The device copy the entry script started reading (devicePrepare.ts), if any. */
    early: PreparedOpen | null = null,
  ) {
    this.ticket = ticket;
    this.doc = early?.doc ?? new Y.Doc();
    // Applied before any listener: it is the server's state, not a local edit to send.
    if (initialState) applyServerState(this.doc, initialState);
    this.provider = this.open(this.doc, false);
    this.keep(this.doc, Promise.resolve(), early?.opened);
  }

  /**
   * The provider connects only once the device copy is in the document: its sync handshake
   * then sends exactly what the server lacks (our edits made offline), never the stored
   * copy as one update (which holds other people's content and would be refused).
   */
  private keep(doc: Y.Doc, after: Promise<void>, early?: Promise<OpenedCopy | null>): void {
    this.loaded = false;
    const current = (): boolean => doc === this.doc && !this.destroyed;
    const provider = this.provider;
    void after.then(async () => {
      const opened = (await early) ?? null;
      if (opened) this.logLoad ??= Promise.resolve((this.log = opened.log));
      const log = await (this.logLoad ??= loadEditLog().then(
        (m) => (this.log = new m.EditLog(this.code, this.role)),
      ));
      await log.ready;
      if (!current()) return opened?.copy.destroy();
      this.copy = opened?.copy ?? keepOnDevice(this.code, this.role, doc);
      await this.copy.loaded;
      if (!current()) return;
      // Its listeners go with the document and the provider (close).
      log.attach(
        doc,
        provider,
        this.tracker,
        (reason) => {
          if (provider === this.provider) this.refused(reason);
        },
        (subject) => this.hooks.onLost(subject),
      );
      this.loaded = true;
      this.connect();
    });
  }

  private connect(): void {
    if (this.loaded && !this.paused && this.ticket !== null && !this.destroyed)
      this.provider.connect();
  }

  /** The live document: components edit it, it changes identity after a resync. */
  get current(): Y.Doc {
    return this.doc;
  }

  setTicket(ticket: string): void {
    const first = !this.ticket;
    this.ticket = ticket;
    // The provider reads params on every (re)connect, so this is all a refresh needs.
    this.provider.params['ticket'] = ticket;
    // A board opened offline from the device copy connects with its first ticket.
    if (first) this.connect();
  }

  /** The browser went offline: close cleanly so that coming back runs a full sync handshake. */
  pause(): void {
    this.paused = true;
    this.provider.disconnect();
  }

  resume(): void {
    this.paused = false;
    this.connect();
  }

  /** A refusal on the current connection (the rest of a burst reaches the old one: ignored). */
  private refused(reason: string): void {
    if (this.destroyed) return;
    const verdict = this.log?.refused() ?? { report: true, subject: null };
    // The refused update is in the device copy too: empty it before the new document fills it.
    const cleared = this.copy?.clear() ?? Promise.resolve();
    this.close();
    this.tracker.update((f) => ({
      ...f,
      ws: 'idle',
      synced: false,
      wsEverConnected: false,
      pendingLocal: false,
    }));
    this.doc = new Y.Doc();
    this.provider = this.open(this.doc, true);
    this.keep(this.doc, cleared);
    if (verdict.report) this.hooks.onRefused(reason, verdict.subject);
    // A fresh ticket is cheap and avoids a 4401 round trip if the old one expired meanwhile.
    void this.freshTicket().then((ticket) => ticket !== null && this.setTicket(ticket));
  }

  destroy(): void {
    this.destroyed = true;
    this.close();
  }

  private open(doc: Y.Doc, deferBinding: boolean): WebsocketProvider {
    const provider = new WebsocketProvider(wsBase() + YWS_PATH, this.code, doc, {
      connect: false,
      params: { ticket: this.ticket ?? '' },
      // The server is the only source of truth: another tab's unchecked edits must not
      // leak into this one (and be re-sent from here) over a BroadcastChannel.
      disableBc: true,
    });
    provider.on('status', ({ status }) => {
      if (provider === this.provider) this.tracker.update((f) => withWsStatus(f, status));
    });
    provider.on('sync', (synced) => {
      if (provider !== this.provider) return;
      if (synced) this.refusedConnections = 0;
      this.tracker.update((f) => withSynced(f, synced));
    });
    provider.on('closed', ({ code }) => {
      if (provider === this.provider) this.onRefusedConnection(code);
    });
    this.bind(doc, provider, deferBinding);
    return provider;
  }

  /**
   * After a resync the store keeps showing the old cards until the fresh document has the
   * server's state (or the person edits it), so the board does not flash empty.
   */
  private bind(doc: Y.Doc, provider: WebsocketProvider, defer: boolean): void {
    const attach = (): void => {
      if (doc !== this.doc || this.destroyed) return;
      this.unbind?.();
      this.unbind = bindDoc(doc);
    };
    if (!defer) return attach();
    provider.once('sync', attach);
    doc.once('update', (_update: Uint8Array, origin: unknown) => origin !== provider && attach());
  }

  /** y-websocket stopped after a 44xx close: the board is gone, or we need a new ticket. */
  private onRefusedConnection(code: number): void {
    if (code === WS_CLOSE.boardDeleted || code === WS_CLOSE.unknownBoard)
      return this.hooks.onGone('deleted');
    if (code === WS_CLOSE.participantErased) return this.hooks.onGone('erased');
    if (code === WS_CLOSE.badVersion) return this.hooks.onGone('outdated');
    if (code === WS_CLOSE.removed) return this.hooks.onGone('removed');
    if (code === WS_CLOSE.linkRevoked) return this.hooks.onGone('revoked');
    this.refusedConnections++;
    void this.recover(this.provider);
  }

  /** Joins again for a fresh ticket and reconnects, backing off if it keeps failing. */
  private async recover(provider: WebsocketProvider): Promise<void> {
    const n = this.refusedConnections;
    const delay = n <= 1 ? 0 : Math.min(RECOVER_MAX_MS, RECOVER_BASE_MS * 2 ** (n - 2));
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (provider !== this.provider || this.destroyed) return;
    const ticket = await this.freshTicket();
    if (provider !== this.provider || this.destroyed) return;
    if (ticket === null) {
      // No control channel right now (Socket.IO is reconnecting): try again later.
      this.refusedConnections++;
      return this.recover(provider);
    }
    this.setTicket(ticket);
    this.connect();
  }

  /** A join for a new ticket; one that fails (the control socket closed) is "none now". */
  private freshTicket(): Promise<string | null> {
    return this.hooks.refreshTicket().catch(() => null);
  }

  private close(): void {
    this.copy?.destroy();
    this.unbind?.();
    this.unbind = null;
    this.provider.awareness.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}

import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { EV, YWS_PATH, type CommandResult, type KeyedCommand } from '@twinspace/shared';
import { makeMarker, nowMs, scanMarkers } from '../lib/markers.ts';
import type { ClientSpec, Protocol } from '../lib/plan.ts';
import { joinTwinspace, type ControlSocket } from './join.ts';
import { Receiver, type Tally } from './tally.ts';

const LOCAL = Symbol('bench-local');
const Polyfill = WebSocket as unknown as typeof globalThis.WebSocket;

interface Provider {
  synced(): Promise<void>;
  destroy(): void;
}

/**
 * A real client with a full Y.Doc, connected with each server's own provider
 * (y-websocket's WebsocketProvider for Twinspace, as the app uses it, and for the
 * y-websocket server; HocuspocusProvider for Hocuspocus). Writers edit through it.
 */
export class FullClient {
  /**
   * gc off: a server that merges a batch may hand over a marker inserted and deleted
   * within it (a typist's keystroke replaced by the next); with gc on, Yjs would drop that
   * content before the 'update' event and the receiver would miss a marker it did receive.
   */
  readonly doc = new Y.Doc({ gc: false });
  readonly receiver: Receiver;
  private provider: Provider | null = null;
  private control: ControlSocket | null = null;
  private owner = '';
  private seq = 0;

  constructor(
    private readonly protocol: Protocol,
    private readonly spec: ClientSpec,
    private readonly tally: Tally,
  ) {
    this.receiver = new Receiver(spec.id, spec.room.name, tally, false);
    // Remote updates are applied synchronously on arrival: this is when the doc has it.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL) scanMarkers(update, (m) => this.receiver.see(m));
    });
  }

  async open(asFacilitator = false): Promise<void> {
    const { spec } = this;
    this.owner = spec.id;
    if (this.protocol === 'twinspace') {
      const token = asFacilitator ? spec.room.facilitatorToken : undefined;
      const joined = await joinTwinspace(spec.url, spec.room.name, spec.id, this.tally, token);
      this.control = joined.socket;
      this.owner = joined.participantId;
      this.provider = yWebsocket(`${wsBase(spec.url)}${YWS_PATH}`, spec.room.name, this.doc, {
        ticket: joined.ticket,
      });
    } else if (this.protocol === 'y-websocket') {
      this.provider = yWebsocket(wsBase(spec.url), spec.room.name, this.doc, {});
    } else {
      this.provider = hocuspocus(wsBase(spec.url), spec.room.name, this.doc);
    }
    await this.provider.synced();
  }

  /** The card this client owns: created once, then its text is edited (rule-compliant). */
  createCards(count: number, text: (i: number) => string): void {
    const cards = this.doc.getMap<Y.Map<unknown>>('cards');
    this.doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const card = new Y.Map<unknown>();
        card.set('owner', this.owner);
        card.set('createdAt', Date.now());
        card.set('text', text(i));
        cards.set(cardId(this.spec.id, i), card);
      }
    }, LOCAL);
  }

  /** Topics owned by this client (the seeder: the facilitator), each with empty notes. */
  createTopics(ids: string[]): void {
    const topics = this.doc.getMap<Y.Map<unknown>>('topics');
    this.doc.transact(() => {
      for (const [i, id] of ids.entries()) {
        const topic = new Y.Map<unknown>();
        topic.set('owner', this.owner);
        topic.set('createdAt', Date.now());
        topic.set('title', `Topic ${i + 1}: what our two cities could do together`);
        topic.set('notes', new Y.Text());
        topics.set(id, topic);
      }
    }, LOCAL);
  }

  /** A Socket.IO command (Twinspace only), e.g. the facilitator setting the phase. */
  async command(cmd: KeyedCommand): Promise<CommandResult> {
    if (!this.control) throw new Error('no control socket');
    return (await this.control.timeout(30_000).emitWithAck(EV.command, cmd)) as CommandResult;
  }

  private typed: string | null = null;

  /**
   * One keystroke into the room's shared notes: its marker replaces this typist's previous
   * one, so the text stays short (a field holds at most 20,000 characters) however long
   * the run, and the three typists' words sit side by side as they would in session notes.
   */
  type(topicId: string): void {
    const topic = this.doc.getMap<Y.Map<unknown>>('topics').get(topicId);
    const notes = topic?.get('notes');
    if (!(notes instanceof Y.Text)) return;
    const at = nowMs();
    if (at >= this.tally.measureFrom) this.sent++;
    const marker = makeMarker(this.spec.id, ++this.seq, at);
    const previous = this.typed;
    this.doc.transact(() => {
      const where = previous === null ? -1 : notes.toString().indexOf(previous);
      if (where >= 0) notes.delete(where, previous!.length);
      notes.insert(where >= 0 ? where : notes.length, marker);
    }, LOCAL);
    this.typed = marker;
  }

  /** Edits sent at or after tally.measureFrom: the ones every other client must receive. */
  sent = 0;

  edit(): void {
    const card = this.doc.getMap<Y.Map<unknown>>('cards').get(cardId(this.spec.id, 0));
    const at = nowMs();
    if (at >= this.tally.measureFrom) this.sent++;
    this.doc.transact(() => card?.set('text', makeMarker(this.spec.id, ++this.seq, at)), LOCAL);
  }

  close(): void {
    this.provider?.destroy();
    this.control?.close();
    this.doc.destroy();
  }
}

/** Card ids must match /^[A-Za-z0-9_-]{6,64}$/. */
const cardId = (client: string, i: number): string =>
  `card_${client}_${i}`.replace(/[^A-Za-z0-9_-]/g, '_');
const wsBase = (url: string): string => url.replace(/^http/, 'ws');

function yWebsocket(
  url: string,
  room: string,
  doc: Y.Doc,
  params: Record<string, string>,
): Provider {
  const p = new WebsocketProvider(url, room, doc, {
    params,
    WebSocketPolyfill: Polyfill,
    disableBc: true,
  });
  return {
    synced: () =>
      p.synced ? Promise.resolve() : new Promise((r) => p.once('sync', (s: boolean) => s && r())),
    destroy: () => p.destroy(),
  };
}

function hocuspocus(url: string, name: string, document: Y.Doc): Provider {
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Polyfill });
  const p = new HocuspocusProvider({ websocketProvider, name, document });
  p.attach();
  return {
    synced: () => (p.isSynced ? Promise.resolve() : new Promise((r) => p.on('synced', () => r()))),
    destroy: () => {
      p.destroy();
      websocketProvider.destroy();
    },
  };
}

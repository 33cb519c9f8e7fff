import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { toBase64 } from 'lib0/buffer';
import * as sync from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { ConnectionTracker } from './connectionTracker.ts';
import { EditLog, editLogKey } from './editLog.ts';
import { readChanges } from './editOps.ts';

/** localStorage for node: the edit log keeps its entries there. */
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});

const MESSAGE_SYNC = 0;
type Handler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: FakeProvider,
  emitSynced: boolean,
  type: number,
) => void;

/**
 * y-websocket's provider as the edit log uses it (its message handlers, its socket, its
 * events), on a link to `server`, a Y.Doc answering as the room does; `online` cuts it.
 */
class FakeProvider {
  readonly messageHandlers: Handler[] = [];
  readonly ws = { send: (bytes: Uint8Array) => this.toServer.push(bytes) };
  wsconnected = false;
  private isSynced = false;
  private readonly toServer: Uint8Array[] = [];
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  constructor(
    readonly doc: Y.Doc,
    private readonly server: Y.Doc,
  ) {
    this.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const type = sync.readSyncMessage(decoder, encoder, provider.doc, provider);
      if (emitSynced && type === sync.messageYjsSyncStep2 && !this.isSynced) {
        this.isSynced = true;
        this.emit('sync', true);
      }
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.wsconnected) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      sync.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  on(event: string, fn: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }

  disconnect(): void {
    this.wsconnected = false;
    this.isSynced = false;
    this.toServer.length = 0;
    this.emit('status', { status: 'disconnected' });
  }

  /** Connects and runs the exchange (both sync steps, every question) until it is quiet. */
  async connect(): Promise<void> {
    this.wsconnected = true;
    this.emit('status', { status: 'connected' });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    sync.writeSyncStep1(e, this.doc);
    this.ws.send(encoding.toUint8Array(e));
    // The room's own step 1 (server/src/rooms): the client answers with what it lacks.
    const s = encoding.createEncoder();
    encoding.writeVarUint(s, MESSAGE_SYNC);
    sync.writeSyncStep1(s, this.server);
    this.receive(encoding.toUint8Array(s));
    await this.settle();
  }

  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 5;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const bytes = this.toServer.shift();
      if (!bytes) {
        quiet++;
        continue;
      }
      quiet = 0;
      const decoder = decoding.createDecoder(bytes);
      decoding.readVarUint(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      sync.readSyncMessage(decoder, reply, this.server, 'client');
      if (encoding.length(reply) > 1) this.receive(encoding.toUint8Array(reply));
    }
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    this.messageHandlers[type]?.(encoder, decoder, this, true, type);
    if (encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
  }
}

const CODE = 'ABC234';
const titles = (doc: Y.Doc): unknown[] =>
  [...doc.getMap<Y.Map<unknown>>('topics').values()].map((t) => t.get('title'));

/** A topic made in `doc` by its person: the entry the edit log would have stored for it. */
function proposeIn(doc: Y.Doc, title: string) {
  let entry: { n: number; c: unknown; r: string } | null = null;
  let changes: unknown = null;
  doc.once('afterTransaction', (tr: Y.Transaction) => (changes = readChanges(doc, tr)));
  doc.once('update', (update: Uint8Array) => (entry = { n: 0, c: changes, r: toBase64(update) }));
  doc.transact(() => {
    const topic = new Y.Map<unknown>();
    doc.getMap('topics').set('topicOffline1', topic);
    topic.set('title', title);
    topic.set('owner', 'p1');
  });
  return entry!;
}

describe('EditLog', () => {
  beforeEach(() => memory.clear());

  // A phone whose IndexedDB keeps nothing (private mode) or lost a write (a full disk): the
  // topic it made offline is in the edit log but not in the document the board reopens with.
  it('sends an edit the reopened document does not hold, instead of confirming it away', async () => {
    const server = new Y.Doc();
    const before = new Y.Doc();
    const edit = proposeIn(before, 'Made offline');
    memory.set(
      `twinspace.${editLogKey(CODE, 'participant')}`,
      JSON.stringify({ edits: [edit], queue: [] }),
    );

    const doc = new Y.Doc(); // reopened: no device copy
    const log = new EditLog(CODE, 'participant');
    await log.ready;
    const provider = new FakeProvider(doc, server);
    const refusals: string[] = [];
    log.attach(doc, provider as unknown as WebsocketProvider, new ConnectionTracker(true), (r) =>
      refusals.push(r),
    );
    await provider.connect();
    await provider.settle();

    expect(titles(server)).toEqual(['Made offline']);
    expect(refusals).toEqual([]);
    expect(JSON.parse(memory.get(`twinspace.${editLogKey(CODE, 'participant')}`)!)).toEqual({
      edits: [],
      queue: [],
    });
  });

  // A phone offline while the facilitator deletes (or hides) the topic it is editing: Yjs
  // keeps the edit inside the deleted topic, the server takes it as a change of nothing, and
  // the edit was confirmed like any other: gone, and the person never told.
  it('names an edit that reached the server after its topic was deleted', async () => {
    const server = new Y.Doc();
    const topics = server.getMap<Y.Map<unknown>>('topics');
    server.transact(() => {
      for (const [id, title] of [
        ['topicDoomed1', 'Night buses'],
        ['topicMine001', 'Bike lanes'],
      ]) {
        const topic = new Y.Map<unknown>();
        topics.set(id!, topic);
        topic.set('title', title);
        topic.set('owner', 'p1');
      }
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const log = new EditLog(CODE, 'participant');
    await log.ready;
    const provider = new FakeProvider(doc, server);
    const lost: (string | null)[] = [];
    const refusals: string[] = [];
    log.attach(
      doc,
      provider as unknown as WebsocketProvider,
      new ConnectionTracker(true),
      (r) => refusals.push(r),
      (subject) => lost.push(subject),
    );
    await provider.connect();

    provider.disconnect();
    const mine = doc.getMap<Y.Map<unknown>>('topics');
    mine.get('topicDoomed1')!.set('description', 'Until 2 am on Fridays');
    // Edited, then deleted by its own person: nothing of it is lost.
    mine.get('topicMine001')!.set('description', 'Painted ones');
    doc.transact(() => mine.delete('topicMine001'));
    server.transact(() => topics.delete('topicDoomed1')); // the facilitator, meanwhile
    await provider.connect();

    expect(titles(doc)).toEqual([]);
    expect(refusals).toEqual([]);
    expect(lost).toEqual(['Until 2 am on Fridays']);
  });
});

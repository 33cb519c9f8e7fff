import WebSocket from 'ws';
import { EV } from '@twinspace/shared';
import { makeMarker, nowMs, scanMarkers } from '../lib/markers.ts';
import type { ClientSpec, Protocol } from '../lib/plan.ts';
import { joinTwinspace, type ControlSocket } from './join.ts';
import { Receiver, type Tally } from './tally.ts';
import { awarenessFrame, emptyStep2, openingFrames, readFrame, socketUrl } from './wire.ts';

/**
 * A light client: a raw WebSocket that speaks just enough y-protocols to be a real
 * member of the room (answers sync step 1, asks for the document) and finds edit
 * markers by scanning frames. It holds no Y.Doc, so one generator can run hundreds.
 */
export class LightClient {
  readonly receiver: Receiver;
  private ws: WebSocket | null = null;
  protected control: ControlSocket | null = null;
  /** Who this client is to the server (Twinspace's participant id; the client id elsewhere). */
  owner: string;
  private clock = 0;
  private seq = 0;
  private readonly clientId = Math.floor(Math.random() * 2 ** 31);

  constructor(
    protected readonly protocol: Protocol,
    protected readonly spec: ClientSpec,
    protected readonly tally: Tally,
    supersede: boolean,
  ) {
    this.receiver = new Receiver(spec.id, spec.room.name, tally, supersede);
    this.owner = spec.id;
  }

  /** Resolves once the server's sync step 2 (the whole document) has arrived. */
  async open(): Promise<void> {
    const { protocol, spec } = this;
    let ticket: string | undefined;
    if (protocol === 'twinspace') {
      const joined = await joinTwinspace(spec.url, spec.room.name, spec.id, this.tally);
      this.control = joined.socket;
      this.owner = joined.participantId;
      ticket = joined.ticket;
    }
    const ws = new WebSocket(socketUrl(protocol, spec.url, spec.room.name, ticket), {
      perMessageDeflate: false,
    });
    this.ws = ws;
    await new Promise<void>((resolve, reject) => {
      ws.binaryType = 'nodebuffer';
      ws.once('error', reject);
      ws.once('close', (code) => reject(new Error(`socket closed (${code}) before sync`)));
      ws.once('open', () => {
        for (const f of openingFrames(protocol, spec.room.name)) ws.send(f);
      });
      ws.on('message', (data: Buffer) => {
        if (this.onFrame(data)) resolve();
      });
    });
  }

  /** Returns true when the frame was the document (sync step 2). */
  private onFrame(data: Buffer): boolean {
    if (this.tally.measuring) this.tally.bytes += data.byteLength;
    const msg = readFrame(this.protocol, data);
    switch (msg.kind) {
      case 'step1':
        this.ws?.send(emptyStep2(this.protocol, this.spec.room.name));
        return false;
      case 'step2':
        scanMarkers(msg.payload, (m) => this.receiver.see(m));
        return true;
      case 'update':
      case 'awareness':
        scanMarkers(msg.payload, (m) => this.receiver.see(m));
        return false;
      default:
        return false;
    }
  }

  /** Sends a frame on the Yjs socket as it is. */
  protected sendFrame(frame: Uint8Array): void {
    this.ws?.send(frame);
  }

  /** Publishes a new presence state carrying a marker; returns its sequence number. */
  sendPresence(socketPresence: boolean): number {
    const seq = ++this.seq;
    const at = nowMs();
    if (at >= this.tally.measureFrom) this.sent++;
    const marker = makeMarker(this.spec.id, seq, at);
    if (socketPresence && this.control) {
      // Twinspace's own presence path: the aggregate carries no marker (it is counts and
      // names, sent once a second), so only cost is measured here, not latency.
      this.control.emit(EV.presence, {
        type: 'presence',
        focus: marker.slice(0, 80),
        typing: seq % 2 === 0,
      });
    } else {
      const state = { user: { name: this.spec.id, focus: marker } };
      this.ws?.send(
        awarenessFrame(this.protocol, this.spec.room.name, this.clientId, ++this.clock, state),
      );
    }
    return seq;
  }

  /** States sent at or after tally.measureFrom: the ones every other client must receive. */
  sent = 0;

  close(): void {
    this.ws?.terminate();
    this.control?.close();
  }
}

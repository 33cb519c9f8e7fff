import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, sendBinary } from './wireFrame.ts';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const payload = (length: number, seed: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('frames built once per broadcast', () => {
  it('builds the header RFC 6455 asks for at each length boundary', () => {
    expect([...binaryFrame(payload(125, 0)).subarray(0, 2)]).toEqual([0x82, 125]);
    expect([...binaryFrame(payload(126, 0)).subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    expect([...binaryFrame(payload(65_535, 0)).subarray(0, 4)]).toEqual([0x82, 126, 255, 255]);
    expect([...binaryFrame(payload(65_536, 0)).subarray(0, 10)]).toEqual([
      0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });

  it('reaches a real ws client byte for byte, in order with ws.send frames', async () => {
    const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
    servers.push(server);
    await once(server, 'listening');
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000];
    const sent = sizes.map((n, i) => payload(n, i));
    server.on('connection', (ws) => {
      // Alternate the two paths: the prepared frames must not overtake or split ws's own.
      sent.forEach((p, i) => (i % 3 === 2 ? ws.send(p) : sendBinary(ws, p)));
      // The same payload twice in one task is built once and sent twice.
      sendBinary(ws, sent[1]!);
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data: Buffer) => {
        received.push(new Uint8Array(data));
        if (received.length === sent.length + 1) resolve();
      });
      client.on('error', reject);
    });
    client.close();
    expect(received.map((r) => r.byteLength)).toEqual([...sizes, 1]);
    received.slice(0, sent.length).forEach((r, i) => expect(r).toEqual(sent[i]));
    expect(received.at(-1)).toEqual(sent[1]);
  });
});

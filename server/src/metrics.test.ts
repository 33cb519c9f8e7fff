import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMetrics } from './metrics.ts';
import type { Peer, RoomHooks } from './rooms/types.ts';

const actor = { role: 'participant' as const, participantId: 'person0001' };
const peer: Peer = { id: 'p1', actor, send: () => undefined, close: () => undefined };

/** Serves GET /metrics on port 0 and returns the scrape text. */
async function scrapeText(
  mount: (app: express.Express) => void,
): Promise<{ type: string; text: string }> {
  const app = express();
  mount(app);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
  return { type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('metrics', () => {
  it('counts what the room hooks report, in the Prometheus text format', async () => {
    const metrics = createMetrics();
    const hooks = metrics.hooks as RoomHooks;
    hooks.onLoad({ code: 'ABCDEF', kind: 'open-space', ms: 3, bytes: 10 });
    hooks.onPeerJoin({ code: 'ABCDEF', peer, peers: 1 });
    hooks.onPeerJoin({ code: 'ABCDEF', peer: { ...peer, id: 'p2' }, peers: 2 });
    hooks.onPeerLeave({ code: 'ABCDEF', peer, peers: 1 });
    hooks.onAccepted({ code: 'ABCDEF', actor, bytes: 120 });
    hooks.onAccepted({ code: 'ABCDEF', actor, bytes: 80 });
    hooks.onRefused({ code: 'ABCDEF', actor, reason: 'read-only-role' });
    hooks.onRelayed({ code: 'ABCDEF', ms: 4, peers: 2 });
    hooks.onStoreError({ code: 'ABCDEF', error: new Error('down') });
    metrics.countControlConnections(() => 7);

    const { type, text } = await scrapeText(metrics.mount);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toContain('twinspace_connections 1');
    expect(text).toContain('twinspace_control_connections 7');
    expect(text).toContain('twinspace_boards_loaded 1');
    expect(text).toContain('twinspace_updates_accepted_total 2');
    expect(text).toContain('twinspace_updates_accepted_bytes_total 200');
    expect(text).toContain('twinspace_updates_refused_total{reason="read-only-role"} 1');
    expect(text).toContain('twinspace_relay_latency_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('twinspace_relay_latency_seconds_count 1');
    expect(text).toContain('twinspace_store_errors_total 1');
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('keeps each app’s numbers apart (two apps in one process do not collide)', async () => {
    const one = createMetrics();
    const two = createMetrics();
    (one.hooks as RoomHooks).onAccepted({ code: 'ABCDEF', actor, bytes: 1 });
    expect((await scrapeText(one.mount)).text).toContain('twinspace_updates_accepted_total 1');
    expect((await scrapeText(two.mount)).text).toContain('twinspace_updates_accepted_total 0');
  });
});

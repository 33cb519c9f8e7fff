import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '@twinspace/shared';
import { createLogger } from '../log.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { decodeFrame, MSG, SYNC, syncStep1Frame, updateFrame } from './frames.ts';
import { RoomRegistry } from './registry.ts';
import { combineHooks, type Peer } from './types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-coalesce-'));
const store = openSqliteStore(dir);
const registry = new RoomRegistry(
  store,
  combineHooks([], () => undefined),
  createLogger('silent'),
);
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A peer that keeps every frame the room sends it. */
function peer(participantId: string, role: Role = 'participant'): Peer & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  return {
    id: participantId,
    actor: { role, participantId },
    frames,
    send: (f) => void frames.push(f),
    close: () => undefined,
  };
}

const updatesIn = (p: { frames: Uint8Array[] }): Uint8Array[] =>
  p.frames.flatMap((f) => {
    const m = decodeFrame(f);
    return m.kind === 'update' && f[0] === MSG.sync && f[1] === 2 ? [m.update] : [];
  });
const denials = (p: { frames: Uint8Array[] }): number =>
  p.frames.filter((f) => f[0] === MSG.auth).length;

/** One card written by `owner`, as its own client (a fresh clientID) would send it. */
function cardUpdate(owner: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  const card = new Y.Map<unknown>();
  card.set('owner', owner);
  card.set('createdAt', 1);
  card.set('text', text);
  doc.getMap('cards').set(`card_${owner}`, card);
  return Y.encodeStateAsUpdate(doc);
}

async function openBoard(code: string): Promise<void> {
  await store.createBoard(
    { code, kind: 'open-space', title: code, createdAt: 1, facilitatorTokenHash: 'ab'.repeat(32) },
    Y.encodeStateAsUpdate(new Y.Doc()),
  );
}

const nextCheckPhase = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('coalescing the updates of one room', () => {
  it('relays the first update of an idle room before the event loop turns', async () => {
    await openBoard('COALA1');
    const [alice, bob] = [peer('alice'), peer('bob')];
    const room = await registry.attach('COALA1', alice);
    await registry.attach('COALA1', bob);
    room.handleFrame(alice, updateFrame(cardUpdate('alice', 'hello')));
    // No timer and no later turn: the batch runs in the microtasks after the frame.
    await nextCheckPhase();
    expect(updatesIn(bob)).toHaveLength(1);
  });

  it('judges each update alone but stores and relays a batch once', async () => {
    await openBoard('COALA2');
    const [alice, carol, screen, bob] = [
      peer('alice'),
      peer('carol'),
      peer('wall', 'projector'),
      peer('bob'),
    ];
    const room = await registry.attach('COALA2', alice);
    for (const p of [carol, screen, bob]) await registry.attach('COALA2', p);
    const logBefore = (await store.loadDoc('COALA2')).updates.length;
    // Frames handed over in one turn, as the poll phase does for many sockets.
    room.handleFrame(alice, updateFrame(cardUpdate('alice', 'from alice')));
    room.handleFrame(screen, updateFrame(cardUpdate('wall', 'a projector may not write')));
    room.handleFrame(carol, updateFrame(cardUpdate('carol', 'from carol')));
    await expect.poll(() => updatesIn(bob).length).toBe(1);
    expect(denials(screen)).toBe(1);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, updatesIn(bob)[0]!);
    expect([...seen.getMap('cards').keys()].sort()).toEqual(['card_alice', 'card_carol']);
    // One log entry for both accepted updates (and the clientID bindings they made).
    expect((await store.loadDoc('COALA2')).updates.length).toBe(logBefore + 1);
    expect([...room.doc.getMap('cards').keys()].sort()).toEqual(['card_alice', 'card_carol']);
  });

  it('holds what arrives right after a batch for one more batch, and loses none of it', async () => {
    await openBoard('COALA3');
    const [alice, bob] = [peer('alice'), peer('bob')];
    const room = await registry.attach('COALA3', alice);
    await registry.attach('COALA3', bob);
    const logBefore = (await store.loadDoc('COALA3')).updates.length;
    const writer = new Y.Doc();
    let known = Y.encodeStateVector(writer);
    const send = (): void => {
      room.handleFrame(alice, updateFrame(Y.encodeStateAsUpdate(writer, known)));
      known = Y.encodeStateVector(writer);
    };
    const card = new Y.Map<unknown>();
    writer.transact(() => {
      card.set('owner', 'alice');
      card.set('createdAt', 1);
      card.set('text', 'v0');
      writer.getMap('cards').set('card_alice', card);
    });
    send();
    // Queued behind the first batch: resolves once it is out, still in this turn.
    await room.writeAsServer(() => undefined);
    expect(updatesIn(bob)).toHaveLength(1);
    for (let i = 1; i <= 5; i++) {
      card.set('text', `v${i}`);
      send();
    }
    await expect.poll(() => updatesIn(bob).length).toBe(2);
    const seen = new Y.Doc();
    for (const u of updatesIn(bob)) Y.applyUpdate(seen, u);
    expect(seen.getMap<Y.Map<unknown>>('cards').get('card_alice')?.get('text')).toBe('v5');
    expect((await store.loadDoc('COALA3')).updates.length).toBe(logBefore + 2);
  });

  it('answers a sync step 1 only after judging the updates sent before it (R21)', async () => {
    await openBoard('COALA4');
    const [alice, screen] = [peer('alice'), peer('wall', 'projector')];
    const room = await registry.attach('COALA4', alice);
    await registry.attach('COALA4', screen);
    const before = screen.frames.length;
    room.handleFrame(alice, updateFrame(cardUpdate('alice', 'warms the room')));
    await Promise.resolve(); // the batch has started: the room is warm until the check phase
    // Arrives while warm (its batch is held for the next turn), with a question right behind.
    room.handleFrame(screen, updateFrame(cardUpdate('wall', 'a projector may not write')));
    room.handleFrame(screen, syncStep1Frame(new Y.Doc()));
    const kinds = (): string[] =>
      screen.frames
        .slice(before)
        .filter((f) => f[0] === MSG.auth || (f[0] === MSG.sync && f[1] === SYNC.step2))
        .map((f) => (f[0] === MSG.auth ? 'denied' : 'answer'));
    await expect.poll(kinds).toEqual(['denied', 'answer']);
  });
});

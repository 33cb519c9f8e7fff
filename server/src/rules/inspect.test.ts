import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getCards, getMeta, MS_ROOT, type Actor, type Role } from '@twinspace/shared';
import { gateHarness } from './gate-harness.ts';

function setup() {
  const h = gateHarness('open-space', () => 'welcome');
  getMeta(h.server).set('phase', 'welcome');
  const client = (participantId: string, role: Role = 'participant') =>
    h.client({ role, participantId } satisfies Actor);
  return { server: h.server, client, bound: h.bound };
}

const addCard =
  (id: string, owner: string, text = 'hello') =>
  (d: Y.Doc) =>
    createEntity(getCards(d), id, owner, { text });

describe('inspectUpdate (SPEC R1-R7)', () => {
  it('accepts a participant creating their own card (R3)', () => {
    const { client, server } = setup();
    const a = client('alice1');
    expect(a.send(a.edit(addCard('card000001', 'alice1')))).toMatchObject({ ok: true });
    expect(getCards(server).get('card000001')?.get('text')).toBe('hello');
  });

  it('refuses any write from a projector (R1) and leaves the document unchanged', () => {
    const { client, server } = setup();
    const p = client('proj01', 'projector');
    const before = Y.encodeStateAsUpdate(server);
    expect(p.send(p.edit(addCard('card000001', 'proj01')))).toMatchObject({
      ok: false,
      reason: 'read-only-role',
    });
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('refuses changing or deleting another participant’s card (R3), allows the facilitator', () => {
    const { client, server } = setup();
    const a = client('alice1');
    a.send(a.edit(addCard('card000001', 'alice1')));
    const b = client('bobby1');
    const change = b.edit((d) => getCards(d).get('card000001')!.set('text', 'defaced'));
    expect(b.send(change)).toMatchObject({ ok: false, reason: 'not-owner' });
    const del = b.edit((d) => getCards(d).delete('card000001'));
    expect(b.send(del)).toMatchObject({ ok: false, reason: 'not-owner' });
    const overwrite = b.edit(addCard('card000001', 'bobby1'));
    expect(b.send(overwrite)).toMatchObject({ ok: false, reason: 'not-owner' });
    expect(getCards(server).get('card000001')?.get('text')).toBe('hello');
    const f = client('facil1', 'facilitator');
    expect(f.send(f.edit((d) => getCards(d).delete('card000001')))).toMatchObject({ ok: true });
    expect(getCards(server).has('card000001')).toBe(false);
  });

  it('lets the owner edit and delete their own card', () => {
    const { client, server } = setup();
    const a = client('alice1');
    a.send(a.edit(addCard('card000001', 'alice1')));
    expect(
      a.send(a.edit((d) => getCards(d).get('card000001')!.set('text', 'better'))),
    ).toMatchObject({ ok: true });
    expect(a.send(a.edit((d) => getCards(d).delete('card000001')))).toMatchObject({ ok: true });
    expect(getCards(server).size).toBe(0);
  });

  it('refuses a forged owner and an owner change (R4)', () => {
    const { client } = setup();
    const b = client('bobby1');
    expect(b.send(b.edit(addCard('card000002', 'alice1')))).toMatchObject({
      ok: false,
      reason: 'owner-forged',
    });
    b.send(b.edit(addCard('card000003', 'bobby1')));
    const steal = b.edit((d) => getCards(d).get('card000003')!.set('owner', 'alice1'));
    expect(b.send(steal)).toMatchObject({ ok: false, reason: 'owner-immutable' });
  });

  it('refuses facilitator-only parts, unknown parts, unknown fields and bad values (R2, R6)', () => {
    const { client } = setup();
    const b = client('bobby1');
    expect(b.send(b.edit((d) => getMeta(d).set('phase', 'voting')))).toMatchObject({
      reason: 'not-allowed',
    });
    expect(b.send(b.edit((d) => d.getMap('secret').set('x', 1)))).toMatchObject({
      reason: 'unknown-part',
    });
    expect(b.send(b.edit(addCard('card000004', 'bobby1')))).toMatchObject({ ok: true });
    const unknown = b.edit((d) => getCards(d).get('card000004')!.set('slot', 'A1'));
    expect(b.send(unknown)).toMatchObject({ reason: 'unknown-field' });
    const long = b.edit((d) => getCards(d).get('card000004')!.set('text', 'x'.repeat(501)));
    expect(b.send(long)).toMatchObject({ reason: 'bad-value' });
    expect(b.send(b.edit(addCard('bad id!', 'bobby1')))).toMatchObject({ reason: 'bad-id' });
  });

  it('refuses another client’s Yjs clientID (R7)', () => {
    const { client, server } = setup();
    const a = client('alice1');
    a.send(a.edit(addCard('card000001', 'alice1')));
    const mallory = client('mallor');
    const forged = mallory.edit((d) => {
      d.clientID = a.doc.clientID; // after the sync: Yjs renames a client that receives its own id
      addCard('card000009', 'mallor')(d);
    });
    expect(mallory.send(forged)).toMatchObject({ ok: false, reason: 'foreign-client-id' });
    expect(getCards(server).has('card000009')).toBe(false);
  });

  it('refuses garbage (R12), gaps and deletes of unknown content (R13) without throwing', () => {
    const { client } = setup();
    const a = client('alice1');
    expect(a.inspect(new Uint8Array([1, 2, 3, 250, 251]))).toMatchObject({
      ok: false,
      reason: 'malformed-update',
    });
    const first = a.edit(addCard('card000001', 'alice1'));
    const second = a.edit(addCard('card000002', 'alice1'));
    expect(a.inspect(second)).toMatchObject({ ok: false, reason: 'missing-dependencies' });
    expect(a.inspect(first)).toMatchObject({ ok: true });
    for (let seed = 0; seed < 200; seed++) {
      const bytes = Uint8Array.from(
        { length: 1 + (seed % 64) },
        (_, i) => (seed * 31 + i * 17) & 255,
      );
      expect(() => a.inspect(bytes)).not.toThrow();
    }
  });

  it('refuses an update past what the board may still store (board-full, R17, was R19), never a deletion', () => {
    const h = gateHarness('open-space', () => 'welcome', 500, 400);
    const alice = h.client({ role: 'participant', participantId: 'alice1' });
    expect(alice.send(alice.edit(addCard('card000001', 'alice1')))).toMatchObject({ ok: true });
    const big = alice.edit(addCard('card000002', 'alice1', 'x'.repeat(500)));
    expect(alice.send(big)).toMatchObject({ ok: false, reason: 'board-full' });
    expect(getCards(h.server).has('card000002')).toBe(false);
    const removal = alice.edit((d) => getCards(d).delete('card000001'));
    expect(alice.send(removal)).toMatchObject({ ok: true });
    expect(getCards(h.server).has('card000001')).toBe(false);
  });

  it('accepts an empty update from anyone', () => {
    const { client } = setup();
    const p = client('proj01', 'projector');
    expect(p.inspect(Y.encodeStateAsUpdate(new Y.Doc()))).toMatchObject({ ok: true, empty: true });
  });

  it('R41: says when a per-owner count decided, which scale-out judges under the mutex', () => {
    const { client } = setup();
    const a = client('alice1');
    const counted = (update: Uint8Array) => (a.send(update) as { counted?: boolean }).counted;
    // A new clientID (R18) and a card in a part with maxPerOwner (R6).
    expect(counted(a.edit(addCard('card000001', 'alice1')))).toBe(true);
    // Typing, a field edit, a deletion: no count.
    expect(counted(a.edit((d) => getCards(d).get('card000001')!.set('text', 'typed')))).toBe(false);
    expect(counted(a.edit(addCard('card000002', 'alice1')))).toBe(true);
    expect(counted(a.edit((d) => getCards(d).delete('card000002')))).toBe(false);
    // The facilitator is not limited per owner: only their first clientID counts.
    const f = client('facil1', 'facilitator');
    const fCounted = (update: Uint8Array) => (f.send(update) as { counted?: boolean }).counted;
    expect(fCounted(f.edit((d) => getMeta(d).set('title', 'Board')))).toBe(true);
    expect(fCounted(f.edit(addCard('card000003', 'facil1')))).toBe(false);
  });

  it('R41: a dot created or moved is counted (oncePerOwner), its removal is not', () => {
    const h = gateHarness('match-sprint', () => 'prepare');
    const m = h.client({ role: 'participant', participantId: 'mira01' });
    const votes = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.votes);
    const counted = (update: Uint8Array) => (m.send(update) as { counted?: boolean }).counted;
    expect(
      counted(m.edit((d) => createEntity(votes(d), 'dot0000001', 'mira01', { target: 'p1' }))),
    ).toBe(true);
    expect(counted(m.edit((d) => votes(d).get('dot0000001')!.set('target', 'p2')))).toBe(true);
    expect(counted(m.edit((d) => votes(d).delete('dot0000001')))).toBe(false);
  });
});

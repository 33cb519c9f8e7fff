import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getMeta, MS_ROOT } from '@twinspace/shared';
import { gateHarness } from './gate-harness.ts';

function setup() {
  const h = gateHarness('match-sprint', () => 'prepare');
  getMeta(h.server).set('phase', 'prepare');
  return { server: h.server, client: h.client };
}

const cards = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.cards);
const addCard = (id: string, owner: string, city: string | undefined) => (d: Y.Doc) =>
  createEntity(cards(d), id, owner, {
    kind: 'need',
    title: 'A need',
    ...(city === undefined ? {} : { city }),
  });

describe('fields bound to the writer’s city (R20, was R15)', () => {
  it('accepts a card of the author’s own city', () => {
    const { client, server } = setup();
    const minsk = client({ role: 'participant', participantId: 'anna01', city: 'Minsk' });
    expect(minsk.send(minsk.edit(addCard('card000001', 'anna01', 'Minsk')))).toMatchObject({
      ok: true,
    });
    expect(cards(server).get('card000001')?.get('city')).toBe('Minsk');
  });

  it('refuses a card claiming another city, and a card from someone without a city', () => {
    const { client, server } = setup();
    const minsk = client({ role: 'participant', participantId: 'anna01', city: 'Minsk' });
    expect(minsk.send(minsk.edit(addCard('card000002', 'anna01', 'Dresden')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
      detail: 'city must be your city',
    });
    const nobody = client({ role: 'participant', participantId: 'nocity' });
    expect(nobody.send(nobody.edit(addCard('card000003', 'nocity', 'Minsk')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(cards(server).size).toBe(0);
  });

  it('refuses moving one’s own card to another city', () => {
    const { client, server } = setup();
    const minsk = client({ role: 'participant', participantId: 'anna01', city: 'Minsk' });
    minsk.send(minsk.edit(addCard('card000001', 'anna01', 'Minsk')));
    const move = minsk.edit((d) => cards(d).get('card000001')!.set('city', 'Dresden'));
    expect(minsk.send(move)).toMatchObject({ ok: false, reason: 'not-allowed' });
    const retitle = minsk.edit((d) => cards(d).get('card000001')!.set('title', 'Better'));
    expect(minsk.send(retitle)).toMatchObject({ ok: true });
    expect(cards(server).get('card000001')?.get('city')).toBe('Minsk');
  });

  it('refuses a member of another city editing or deleting a card (R3 still holds)', () => {
    const { client, server } = setup();
    const minsk = client({ role: 'participant', participantId: 'anna01', city: 'Minsk' });
    minsk.send(minsk.edit(addCard('card000001', 'anna01', 'Minsk')));
    const dresden = client({ role: 'participant', participantId: 'bernd1', city: 'Dresden' });
    expect(
      dresden.send(dresden.edit((d) => cards(d).get('card000001')!.set('title', 'x'))),
    ).toMatchObject({ reason: 'not-owner' });
    expect(dresden.send(dresden.edit((d) => cards(d).delete('card000001')))).toMatchObject({
      reason: 'not-owner',
    });
    expect(cards(server).get('card000001')?.get('title')).toBe('A need');
  });

  it('lets the facilitator write a card for any city (they moderate every side)', () => {
    const { client, server } = setup();
    const f = client({ role: 'facilitator', participantId: 'facil1' });
    expect(f.send(f.edit(addCard('card000009', 'facil1', 'Dresden')))).toMatchObject({ ok: true });
    expect(cards(server).get('card000009')?.get('city')).toBe('Dresden');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getMeta, MS_ROOT, type Actor } from '@twinspace/shared';
import { gateHarness } from './gate-harness.ts';

const anna: Actor = { role: 'participant', participantId: 'anna01', city: 'Minsk' };
const facilitator: Actor = { role: 'facilitator', participantId: 'facil1' };

const links = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.links);

/** A match-phase board with Anna's link, which the facilitator confirmed (or not). */
function board(status?: 'confirmed' | 'rejected') {
  const h = gateHarness('match-sprint', () => 'match');
  h.serverWrite((d) => getMeta(d).set('phase', 'match'));
  const a = h.client(anna);
  const made = a.send(
    a.edit((d) => createEntity(links(d), 'link000001', 'anna01', { from: 'cardA1', to: 'cardB1' })),
  );
  expect(made).toMatchObject({ ok: true });
  if (status) h.serverWrite((d) => links(d).get('link000001')!.set('status', status));
  return { h, a };
}

describe('a confirmed match is the facilitator’s (R3: its author no longer changes it)', () => {
  it('its author may neither delete it nor point it at other cards', () => {
    const { h, a } = board('confirmed');
    expect(a.send(a.edit((d) => links(d).delete('link000001')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(a.send(a.edit((d) => links(d).get('link000001')!.set('to', 'cardB2')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(links(h.server).get('link000001')?.toJSON()).toMatchObject({
      from: 'cardA1',
      to: 'cardB1',
      status: 'confirmed',
    });
  });

  it('its author still edits and removes a proposed link, and the facilitator a confirmed one', () => {
    const { a } = board();
    expect(
      a.send(a.edit((d) => links(d).get('link000001')!.set('note', 'Both youth work'))),
    ).toMatchObject({ ok: true });
    expect(a.send(a.edit((d) => links(d).delete('link000001')))).toMatchObject({ ok: true });
    const confirmed = board('confirmed');
    const f = confirmed.h.client(facilitator);
    expect(f.send(f.edit((d) => links(d).delete('link000001')))).toMatchObject({ ok: true });
  });
});

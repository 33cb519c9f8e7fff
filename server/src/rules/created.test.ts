import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CREATED_AHEAD_MS,
  createEntity,
  getMeta,
  MS_ROOT,
  readTranslations,
  translationFor,
  TRANSLATIONS_ROOT,
  type Actor,
} from '@twinspace/shared';
import { gateHarness } from './gate-harness.ts';

const anna: Actor = { role: 'participant', participantId: 'anna01', city: 'Minsk' };
const mallory: Actor = { role: 'participant', participantId: 'mallor', city: 'Dresden' };
const HOUR = 3_600_000;

function board() {
  const h = gateHarness('match-sprint', () => 'prepare');
  h.serverWrite((d) => getMeta(d).set('phase', 'prepare'));
  const a = h.client(anna);
  a.send(
    a.edit((d) =>
      createEntity(d.getMap(MS_ROOT.cards), 'card000001', 'anna01', {
        city: 'Minsk',
        kind: 'need',
        title: 'Youth exchange',
        language: 'ru',
      }),
    ),
  );
  return h;
}

/** A translation of Anna's card into German, written with `createdAt`. */
const translate = (id: string, owner: string, title: string, createdAt: number) => (d: Y.Doc) => {
  const t = createEntity(d.getMap(TRANSLATIONS_ROOT), id, owner, {
    target: `${MS_ROOT.cards}/card000001`,
    language: 'de',
    title,
  });
  t.set('createdAt', createdAt);
};

describe('createdAt is not ahead of the server’s clock (R6: a translation cannot pin itself on top)', () => {
  it('refuses a translation dated in the far future, so a later one is still shown', () => {
    const h = board();
    const m = h.client(mallory);
    const pinned = m.send(
      m.edit(translate('transl0001', 'mallor', 'Spam', Date.now() + 365 * 24 * HOUR)),
    );
    expect(pinned).toMatchObject({ ok: false, reason: 'bad-value' });
    const a = h.client(anna);
    expect(
      a.send(a.edit(translate('transl0002', 'anna01', 'Jugendaustausch', Date.now()))),
    ).toMatchObject({ ok: true });
    const shown = translationFor(readTranslations(h.server), `${MS_ROOT.cards}/card000001`, 'de');
    expect(shown?.title).toBe('Jugendaustausch');
  });

  it('refuses moving one’s own translation into the future afterwards', () => {
    const h = board();
    const m = h.client(mallory);
    expect(m.send(m.edit(translate('transl0001', 'mallor', 'Spam', Date.now())))).toMatchObject({
      ok: true,
    });
    const later = m.edit((d) =>
      d
        .getMap<Y.Map<unknown>>(TRANSLATIONS_ROOT)
        .get('transl0001')!
        .set('createdAt', Date.now() + 10 * HOUR),
    );
    expect(m.send(later)).toMatchObject({ ok: false, reason: 'bad-value' });
  });

  it('accepts an offline edit dated hours ago, and a clock a little ahead', () => {
    const h = board();
    const a = h.client(anna);
    expect(
      a.send(a.edit(translate('transl0003', 'anna01', 'Alt', Date.now() - 5 * HOUR))),
    ).toMatchObject({ ok: true });
    const m = h.client(mallory);
    const ahead = Date.now() + CREATED_AHEAD_MS - 60_000;
    expect(m.send(m.edit(translate('transl0004', 'mallor', 'Neu', ahead)))).toMatchObject({
      ok: true,
    });
  });

  it('refuses a card dated before the board was made, which would put it first in every list', () => {
    const born = Date.now() - 2 * HOUR;
    const h = gateHarness('match-sprint', () => 'prepare', 500, 16 * 1024 * 1024, born);
    h.serverWrite((d) => getMeta(d).set('phase', 'prepare'));
    const m = h.client(mallory);
    const card = (id: string, createdAt: number) => (d: Y.Doc) => {
      const c = createEntity(d.getMap(MS_ROOT.cards), id, 'mallor', {
        city: 'Dresden',
        kind: 'idea',
        title: 'First!',
      });
      c.set('createdAt', createdAt);
    };
    expect(m.send(m.edit(card('card000009', -1e15)))).toMatchObject({
      ok: false,
      reason: 'bad-value',
    });
    // Made offline an hour ago, on this board: fine.
    expect(m.send(m.edit(card('card000010', Date.now() - HOUR)))).toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getMeta, MS_ROOT, type Actor } from '@twinspace/shared';
import { gateHarness } from './gate-harness.ts';

const anna: Actor = { role: 'participant', participantId: 'anna01', city: 'Minsk' };
const mallory: Actor = { role: 'participant', participantId: 'mallor', city: 'Dresden' };
const facilitator: Actor = { role: 'facilitator', participantId: 'facil1' };

const tasks = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.tasks);

/** A sprint with Anna's task. */
function board() {
  const h = gateHarness('match-sprint', () => 'sprint');
  h.serverWrite((d) => getMeta(d).set('phase', 'sprint'));
  const a = h.client(anna);
  const fields = { projectId: 'proj000001', sprint: 1, title: 'Book the hall', status: 'todo' };
  expect(
    a.send(a.edit((d) => createEntity(tasks(d), 'task000001', 'anna01', fields))),
  ).toMatchObject({ ok: true });
  return h;
}

const set = (field: string, value: unknown) => (d: Y.Doc) =>
  tasks(d).get('task000001')!.set(field, value);

describe('a task is its creator’s; anyone moves it across the columns (R3)', () => {
  it('another participant moves it, but cannot rename, reassign, re-date or hide it', () => {
    const h = board();
    const m = h.client(mallory);
    expect(m.send(m.edit(set('status', 'doing')))).toMatchObject({ ok: true });
    expect(m.send(m.edit(set('order', 3)))).toMatchObject({ ok: true });
    for (const [field, value] of [
      ['title', 'Spam'],
      ['assignee', 'mallor'],
      ['due', '2099-01-01'],
      ['sprint', 99],
      ['projectId', 'elsewhere'],
    ] as const) {
      expect(m.send(m.edit(set(field, value))), field).toMatchObject({
        ok: false,
        reason: 'not-owner',
      });
    }
    expect(tasks(h.server).get('task000001')?.toJSON()).toMatchObject({
      title: 'Book the hall',
      sprint: 1,
      projectId: 'proj000001',
      status: 'doing',
    });
  });

  it('its creator and the facilitator still change every field', () => {
    const h = board();
    const a = h.client(anna);
    expect(a.send(a.edit(set('title', 'Book the big hall')))).toMatchObject({ ok: true });
    const f = h.client(facilitator);
    expect(f.send(f.edit(set('due', '2025-06-01')))).toMatchObject({ ok: true });
  });

  it('a task carried into the next sprint stays as it was when its sprint closed', () => {
    const h = board();
    // ms-close-sprint copied it into sprint 2 and marked the original.
    h.serverWrite((d) => tasks(d).get('task000001')!.set('carriedTo', 'task000002'));
    // A phone offline across the close moves the task it still shows: refused, so the
    // person is told, rather than landing on the closed sprint's record unseen.
    const m = h.client(mallory);
    expect(m.send(m.edit(set('status', 'done')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    const a = h.client(anna);
    expect(a.send(a.edit((d) => tasks(d).delete('task000001')))).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(tasks(h.server).get('task000001')?.get('status')).toBe('todo');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEntity, getMeta, MS_ROOT, OS_ROOT, ROOT, type Actor } from '@twinspace/shared';
import { deletedWinner } from './adversary.ts';
import { gateHarness } from './gate-harness.ts';

const alice: Actor = { role: 'participant', participantId: 'alice1' };
const mallory: Actor = { role: 'participant', participantId: 'mallor' };
const facilitator: Actor = { role: 'facilitator', participantId: 'facil1' };
const projector: Actor = { role: 'projector', participantId: 'proj01' };

/** An Open Space board in the marketplace with Alice's topic, a ballot and a contact. */
function board(maxClientIds = 500) {
  let phase = 'marketplace';
  const h = gateHarness('open-space', () => phase, maxClientIds);
  h.serverWrite((d) => {
    getMeta(d).set('phase', phase);
    getMeta(d).set('title', 'Kyiv');
    d.getMap(OS_ROOT.settings).set('voteBudget', 3);
    d.getMap(ROOT.people).set('alice1', new Y.Map([['name', 'Alice']]));
    d.getMap(ROOT.clients).set('12345', 'alice1');
    d.getMap(OS_ROOT.ballots).set('alice1', new Y.Map<unknown>([['owner', 'alice1']]));
  });
  const a = h.client(alice);
  a.send(
    a.edit((d) => {
      createEntity(d.getMap(OS_ROOT.topics), 'topic01', 'alice1', { title: 'Trams' });
      createEntity(d.getMap(OS_ROOT.contacts), 'alice1', 'alice1', { name: 'Alice' });
    }),
  );
  return {
    h,
    a,
    setPhase: (p: string) => h.serverWrite((d) => getMeta(d).set('phase', (phase = p))),
  };
}

/** Sends as `actor` and expects a refusal that leaves the board byte-identical. */
function refusedUnchanged(h: ReturnType<typeof board>['h'], actor: Actor, update: Uint8Array) {
  const before = Y.encodeStateAsUpdate(h.server);
  const verdict = h.send(actor, update);
  expect(verdict.ok).toBe(false);
  expect(Y.encodeStateAsUpdate(h.server)).toEqual(before);
  return verdict;
}

describe('the effect of an update is judged, not its shape (SPEC R16, was R18)', () => {
  const targets: [string, string[], string][] = [
    ['a topic', [OS_ROOT.topics], 'topic01'],
    ['the phase', [ROOT.meta], 'phase'],
    ['the title', [ROOT.meta], 'title'],
    ['the vote budget', [OS_ROOT.settings], 'voteBudget'],
    ['a ballot', [OS_ROOT.ballots], 'alice1'],
    ['a person', [ROOT.people], 'alice1'],
    ['a contact', [OS_ROOT.contacts], 'alice1'],
    ['a clientID binding', [ROOT.clients], '12345'],
    ['a field of another’s topic', [OS_ROOT.topics, 'topic01'], 'title'],
  ];
  for (const [name, path, key] of targets) {
    for (const strip of [false, true]) {
      it(`refuses a deleted item as the newest value of ${name}${strip ? ', delete set stripped' : ''}`, () => {
        const { h } = board();
        const attack = deletedWinner(h.server, path, key, strip)!;
        refusedUnchanged(h, mallory, attack.update);
      });
    }
  }

  it('refuses replacing another’s topic with one of one’s own (a create over a live key)', () => {
    const { h, a } = board();
    const title = () =>
      h.server.getMap<Y.Map<unknown>>(OS_ROOT.topics).get('topic01')?.get('title');
    // Yjs orders concurrent values of a key by clientID: a higher one wins, a lower one
    // is placed before the live value and never shows. Both are tried.
    for (const offset of [1, -1]) {
      const fresh = new Y.Doc(); // never saw Alice's topic: no delete set at all
      fresh.clientID = a.doc.clientID + offset;
      createEntity(fresh.getMap(OS_ROOT.topics), 'topic01', 'mallor', { title: 'Mine now' });
      const update = Y.encodeStateAsUpdate(fresh);
      if (offset > 0) {
        expect(refusedUnchanged(h, mallory, update)).toMatchObject({ reason: 'not-owner' });
      } else {
        expect(h.send(mallory, update)).toMatchObject({ ok: true }); // changes nothing visible
      }
      expect(title()).toBe('Trams');
    }
  });

  it('lets the facilitator remove a topic, and a projector’s sync step 2 is no write (R12)', () => {
    const { h } = board();
    const f = h.client(facilitator);
    expect(f.send(f.edit((d) => d.getMap(OS_ROOT.topics).delete('topic01')))).toMatchObject({
      ok: true,
    });
    const screen = new Y.Doc();
    Y.applyUpdate(screen, Y.encodeStateAsUpdate(h.server));
    const step2 = Y.encodeStateAsUpdate(screen, Y.encodeStateVector(h.server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(h.send(projector, step2)).toMatchObject({ ok: true, empty: true });
  });

  it('refuses a Y.XmlText where a field holds text, and a map inside a record', () => {
    const { h, a, setPhase } = board();
    setPhase('running');
    refusedUnchanged(
      h,
      alice,
      a.edit(
        (d) =>
          d.getMap(OS_ROOT.topics).get('topic01') instanceof Y.Map &&
          (d.getMap(OS_ROOT.topics).get('topic01') as Y.Map<unknown>).set(
            'notes',
            new Y.XmlText('x'),
          ),
      ),
    );
    const f = h.client(facilitator);
    refusedUnchanged(
      h,
      facilitator,
      f.edit((d) => d.getMap(OS_ROOT.settings).set('hideVotes', new Y.Map())),
    );
  });

  it('limits the length of session notes (too-long, R17, was R19) and keeps what was there', () => {
    const { h, setPhase } = board();
    const f = h.client(facilitator);
    f.send(
      f.edit((d) =>
        (d.getMap(OS_ROOT.topics).get('topic01') as Y.Map<unknown>).set('notes', new Y.Text()),
      ),
    );
    setPhase('running');
    const b = h.client(mallory);
    const notes = (d: Y.Doc) =>
      (d.getMap(OS_ROOT.topics).get('topic01') as Y.Map<unknown>).get('notes') as Y.Text;
    expect(b.send(b.edit((d) => notes(d).insert(0, 'Minutes: ')))).toMatchObject({ ok: true });
    expect(
      refusedUnchanged(
        h,
        mallory,
        b.edit((d) => notes(d).insert(0, 'x'.repeat(20_001))),
      ),
    ).toMatchObject({ reason: 'too-long' });
    expect(notes(h.server).toJSON()).toBe('Minutes: ');
  });

  it('refuses formatting in a text: attributes carry any JSON past the length limit (R16, R17)', () => {
    const { h, setPhase } = board();
    const f = h.client(facilitator);
    f.send(
      f.edit((d) =>
        (d.getMap(OS_ROOT.topics).get('topic01') as Y.Map<unknown>).set('notes', new Y.Text('Hi')),
      ),
    );
    setPhase('running');
    const notes = (d: Y.Doc) =>
      (d.getMap(OS_ROOT.topics).get('topic01') as Y.Map<unknown>).get('notes') as Y.Text;
    const big = 'x'.repeat(100_000); // 20,000 characters at most, none counted in a format
    for (const edit of [
      (d: Y.Doc) => notes(d).format(0, 2, { bold: big }),
      (d: Y.Doc) => notes(d).insert(2, '!', { italic: { deep: [big] } }),
      (d: Y.Doc) => notes(d).insertEmbed(0, { image: big }),
    ]) {
      const b = h.client(mallory);
      expect(refusedUnchanged(h, mallory, b.edit(edit))).toMatchObject({ reason: 'bad-value' });
    }
    expect(notes(h.server).toDelta()).toEqual([{ insert: 'Hi' }]);
  });

  it('refuses an entity id that every plain object has (bad-id, R6)', () => {
    const { h } = board();
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const m = h.client(mallory);
      const update = m.edit((d) => createEntity(d.getMap(OS_ROOT.topics), id, 'mallor', {}));
      expect(refusedUnchanged(h, mallory, update)).toMatchObject({ reason: 'bad-id' });
    }
  });

  it('refuses a contact-book entry under another person’s id (keyedByOwner, R4)', () => {
    const { h } = board();
    const m = h.client(mallory);
    const squat = m.edit((d) =>
      createEntity(d.getMap(OS_ROOT.contacts), 'bobby1', 'mallor', { name: 'Bob' }),
    );
    expect(refusedUnchanged(h, mallory, squat)).toMatchObject({ reason: 'owner-forged' });
    const own = h.client(mallory);
    const mine = own.edit((d) =>
      createEntity(d.getMap(OS_ROOT.contacts), 'mallor', 'mallor', { name: 'Mallory' }),
    );
    expect(h.send(mallory, mine)).toMatchObject({ ok: true });
  });

  it('holds one Match & Sprint vote per person and target (oncePerOwner, R6)', () => {
    const h = gateHarness('match-sprint', () => 'match');
    const votes = (d: Y.Doc) => d.getMap<Y.Map<unknown>>(MS_ROOT.votes);
    const vote = (id: string, target: string) => (d: Y.Doc) =>
      createEntity(votes(d), id, 'mallor', { target });
    const m = h.client(mallory);
    expect(m.send(m.edit(vote('vote000001', 'project001')))).toMatchObject({ ok: true });
    expect(m.send(m.edit(vote('vote000002', 'project002')))).toMatchObject({ ok: true });
    const again = h.client(mallory).edit(vote('vote000003', 'project001'));
    expect(refusedUnchanged(h, mallory, again)).toMatchObject({ reason: 'limit-reached' });
    const both = h.client(mallory).edit((d) => {
      vote('vote000004', 'project003')(d);
      vote('vote000005', 'project003')(d);
    });
    expect(refusedUnchanged(h, mallory, both)).toMatchObject({ reason: 'limit-reached' });
    const moved = h
      .client(mallory)
      .edit((d) => votes(d).get('vote000002')!.set('target', 'project001'));
    expect(refusedUnchanged(h, mallory, moved)).toMatchObject({ reason: 'limit-reached' });
  });

  it('limits the clientIDs one participant binds (R7; R18, was R20)', () => {
    const { h } = board(2);
    const story = (i: number) => {
      const d = new Y.Doc();
      createEntity(d.getMap(OS_ROOT.stories), `story00${i}`, 'mallor', { text: 'hi' });
      return Y.encodeStateAsUpdate(d);
    };
    expect(h.send(mallory, story(1))).toMatchObject({ ok: true });
    expect(h.send(mallory, story(2))).toMatchObject({ ok: true });
    expect(refusedUnchanged(h, mallory, story(3))).toMatchObject({ reason: 'limit-reached' });
  });

  it('refuses a truncated or mangled update without touching the board', () => {
    const { h, a } = board();
    const honest = a.edit((d) =>
      createEntity(d.getMap(OS_ROOT.stories), 'story001', 'alice1', { text: 'hi' }),
    );
    for (let cut = 1; cut < honest.length; cut += 3) {
      const before = Y.encodeStateAsUpdate(h.server);
      const verdict = h.send(alice, honest.slice(0, cut));
      if (!verdict.ok) expect(Y.encodeStateAsUpdate(h.server)).toEqual(before);
    }
    expect(h.send(alice, honest).ok).toBe(true);
  });
});

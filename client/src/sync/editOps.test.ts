import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges, readChanges, subjectOf, type Change } from './editOps.ts';

/** Records every local transaction of `doc` as changes, the way the edit log does. */
function recorder(doc: Y.Doc): Change[][] {
  const edits: Change[][] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    const changes = tr.local ? readChanges(doc, tr) : null;
    if (changes && changes.length > 0) edits.push(changes);
  });
  return edits;
}

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('edits as changes by path', () => {
  it('replays maps, nested texts and lists onto another copy with another clientID', () => {
    const doc = new Y.Doc();
    const topics = doc.getMap<Y.Map<unknown>>('topics');
    doc.transact(() => topics.set('t1', new Y.Map<unknown>([['title', 'Old']])), 'server');
    const base = copyOf(doc);
    const edits = recorder(doc);

    doc.transact(() => {
      const topic = new Y.Map<unknown>([
        ['title', 'Bees'],
        ['notes', new Y.Text('hello')],
        ['tags', Y.Array.from(['a', 'b'])],
        ['meta', { nested: [1, 2] }],
      ]);
      topics.set('t2', topic);
    });
    const notes = topics.get('t2')?.get('notes') as Y.Text;
    notes.insert(5, ' world');
    notes.delete(0, 1);
    (topics.get('t2')?.get('tags') as Y.Array<string>).insert(1, ['x']);
    topics.get('t1')?.set('title', 'New');
    topics.get('t1')?.delete('title');
    topics.delete('t1');

    const replica = copyOf(base);
    expect(replica.clientID).not.toBe(doc.clientID);
    for (const changes of edits) replica.transact(() => applyChanges(replica, changes));
    expect(replica.getMap('topics').toJSON()).toEqual(topics.toJSON());
    expect(topics.toJSON()).toMatchObject({ t2: { notes: 'ello world', tags: ['a', 'x', 'b'] } });
  });

  it('skips a change whose target is gone, and names an edit by its title', () => {
    const doc = new Y.Doc();
    const edits = recorder(doc);
    const topics = doc.getMap<Y.Map<unknown>>('topics');
    topics.set(
      't1',
      new Y.Map<unknown>([
        ['owner', 'p1'],
        ['title', 'Made offline'],
      ]),
    );
    topics.get('t1')?.set('description', 'More');
    expect(subjectOf(edits[0] ?? [])).toBe('Made offline');
    expect(subjectOf(edits[1] ?? [])).toBe(null);

    const other = new Y.Doc();
    expect(applyChanges(other, edits[1] ?? [])).toBe(0);
    expect(other.getMap('topics').size).toBe(0);
  });
});

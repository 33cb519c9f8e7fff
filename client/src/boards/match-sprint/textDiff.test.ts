import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './textDiff.ts';

describe('replaceText', () => {
  it('changes only the middle, so concurrent edits elsewhere survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ta = a.getText('t');
    ta.insert(0, 'hall booked; guests invited');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(ta, 'big hall booked; guests invited');
    replaceText(b.getText('t'), 'hall booked; guests invited, all');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ta.toJSON()).toBe('big hall booked; guests invited, all');
    expect(b.getText('t').toJSON()).toBe(ta.toJSON());
  });
});

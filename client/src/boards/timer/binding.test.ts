import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeTimer } from '@twinspace/shared/boards/timer/write';
import { bindDoc } from '../../sync/docBinding.ts';
import { timerActions } from '../../state/timerStore.ts';
import { startTimerBinding } from './binding.ts';

describe('the timer binding', () => {
  it('mirrors the document’s timer into its store, keeping the object while it reads the same', () => {
    startTimerBinding();
    const doc = new Y.Doc();
    const unbind = bindDoc(doc);
    writeTimer(doc, { running: true, endsAt: 90_000, remainingMs: 60_000, label: 'Round 1' });
    const first = timerActions().timer;
    expect(first).toEqual({ running: true, endsAt: 90_000, remainingMs: 60_000, label: 'Round 1' });
    // An unrelated write to the same root re-reads it: the store keeps the same object.
    doc.getMap('timer').set('unrelated', 1);
    expect(timerActions().timer).toBe(first);
    writeTimer(doc, { running: false, endsAt: null, remainingMs: 30_000, label: 'Round 1' });
    expect(timerActions().timer).toMatchObject({ running: false, remainingMs: 30_000 });
    unbind();
  });
});

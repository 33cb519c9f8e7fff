import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createEntity } from '@twinspace/shared/boards/common';
import { divertCreates } from './divert.ts';

describe('divertCreates (approval queue, SPEC R24)', () => {
  const topic = (doc: Y.Doc) =>
    createEntity(doc.getMap('topics'), 'topic00001', 'me000001', { title: 'T', tags: ['a'] });

  it('takes a create in a part that waits for approval, without its owner and time', () => {
    expect(divertCreates(topic, ['topics'])).toEqual([
      { part: 'topics', id: 'topic00001', fields: { title: 'T', tags: ['a'] } },
    ]);
  });

  it('leaves every other edit to the board', () => {
    expect(divertCreates(topic, [])).toBeNull();
    expect(divertCreates(topic, ['stories'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_RULES, MS_ROOT, OS_ROOT } from '@twinspace/shared';
import { ballotKey } from '../open-space/seal.ts';
import {
  checkSubmission,
  entityFields,
  entityFromFields,
  sealFields,
  unsealFields,
} from './content.ts';

const topics = BOARD_RULES['open-space'].parts[OS_ROOT.topics]!;
const msCards = BOARD_RULES['match-sprint'].parts[MS_ROOT.cards]!;
const writer = { city: 'Lviv', anonymous: false };

describe('moderation content (SPEC R22, R24)', () => {
  it('judges a submission as the gate judges a create', () => {
    expect(checkSubmission(topics, { title: 'Youth', tags: ['a'] }, writer).ok).toBe(true);
    expect(checkSubmission(topics, { slot: 's1' }, writer)).toMatchObject({
      reason: 'not-allowed',
    });
    expect(checkSubmission(topics, { owner: 'x' }, writer)).toMatchObject({ reason: 'bad-value' });
    expect(checkSubmission(topics, { nope: 'x' }, writer)).toMatchObject({
      reason: 'unknown-field',
    });
    expect(checkSubmission(topics, { title: 'x'.repeat(121) }, writer)).toMatchObject({
      reason: 'bad-value',
    });
    expect(checkSubmission(topics, { title: 5 }, writer)).toMatchObject({ reason: 'bad-value' });
    expect(checkSubmission(msCards, { city: 'Riga' }, writer)).toMatchObject({
      reason: 'not-allowed',
    });
    expect(checkSubmission(msCards, { city: 'Lviv' }, writer).ok).toBe(true);
    const anonymous = { ...writer, anonymous: true };
    expect(checkSubmission(topics, { convener: 'Olena' }, anonymous)).toMatchObject({
      reason: 'not-allowed',
    });
    expect(checkSubmission(topics, { convener: '' }, anonymous).ok).toBe(true);
  });

  it('seals what only the server may read, and builds the entity back with its texts', () => {
    const doc = new Y.Doc();
    const topic = new Y.Map<unknown>();
    doc.getMap('topics').set('topic00001', topic);
    topic.set('owner', 'ana00001');
    topic.set('title', 'Harbour');
    topic.set('tags', ['sea']);
    topic.set('notes', new Y.Text('We met at noon'));
    const key = ballotKey('a test secret of enough length');
    const sealed = sealFields(key, entityFields(topic));
    expect(sealed).not.toContain('Harbour');
    const fields = unsealFields(key, sealed)!;
    expect(unsealFields(ballotKey('another secret entirely'), sealed)).toBeNull();
    const back = entityFromFields(topics, { ...fields, unknown: 'dropped' });
    doc.getMap('topics').set('topic00002', back);
    expect(back.get('notes')).toBeInstanceOf(Y.Text);
    expect(back.toJSON()).toEqual({
      owner: 'ana00001',
      title: 'Harbour',
      tags: ['sea'],
      notes: 'We met at noon',
    });
  });
});

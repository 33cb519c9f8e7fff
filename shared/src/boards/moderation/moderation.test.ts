import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_RULES } from '../index.ts';
import { BOARD_KINDS } from '../common.ts';
import { MOD_ROOT, tombstoneKey } from './layout.ts';
import { markErased } from '../../privacy/erasure.ts';
import { isRevoked, readModSettings, readQueue, readRevocation, readTombstones } from './read.ts';
import {
  approvalParts,
  goesWithOwner,
  isHideableField,
  isModerated,
  moderationGuard,
} from './rules.ts';

const participant = { role: 'participant', participantId: 'ana00001' } as const;
const facilitator = { role: 'facilitator', participantId: 'fac00001' } as const;

function board(): Y.Doc {
  const doc = new Y.Doc();
  const entry = new Y.Map<unknown>();
  entry.set('part', 'topics');
  entry.set('entity', 'topic00001');
  entry.set('owner', 'ana00001');
  entry.set('state', 'hidden');
  entry.set('at', 5);
  entry.set('sealed', 'xxxx');
  doc.getMap(MOD_ROOT.hidden).set(tombstoneKey('topics', 'topic00001'), entry);
  doc.getMap(MOD_ROOT.settings).set('approval', ['stories']);
  doc.getMap(MOD_ROOT.revoked).set('bad00001', new Y.Map([['at', 1]]));
  return doc;
}

describe('moderation rules (SPEC R22-R25)', () => {
  it('moderates every part participants create, on every kind, and only those', () => {
    for (const kind of BOARD_KINDS) {
      const parts = BOARD_RULES[kind].parts;
      for (const [name, part] of Object.entries(parts))
        expect(isModerated(part), `${kind} ${name}`).toBe(
          part.kind === 'collection' && part.create === 'participant',
        );
      expect(isModerated(parts['people'])).toBe(false);
      expect(isModerated(parts[MOD_ROOT.queue])).toBe(false);
    }
    expect(approvalParts(BOARD_RULES['open-space']).sort()).toEqual([
      'cards',
      'stories',
      'topics',
      'translations',
    ]);
    expect(approvalParts(BOARD_RULES['match-sprint']).sort()).toEqual([
      'cards',
      'msCards',
      'translations',
    ]);
    expect(isHideableField(BOARD_RULES['open-space'].parts['topics'], 'notes')).toBe(true);
    expect(isHideableField(BOARD_RULES['open-space'].parts['topics'], 'title')).toBe(false);
  });

  it('a removal with content takes what they made and what they may delete: their photos too (R23)', () => {
    for (const kind of BOARD_KINDS) {
      const parts = BOARD_RULES[kind].parts;
      const taken = Object.keys(parts).filter((name) => goesWithOwner(parts[name]));
      expect(taken).toContain('photos');
      expect(taken).toEqual(
        expect.arrayContaining(Object.keys(parts).filter((name) => isModerated(parts[name]))),
      );
      for (const name of ['people', MOD_ROOT.revoked, 'qaQuestions', 'pollAnswers'])
        expect(taken).not.toContain(name);
    }
    expect(goesWithOwner(BOARD_RULES['open-space'].parts['slots'])).toBe(false);
  });

  it('an erasure lists its person as erased, and refuses them as a removal does (R29)', () => {
    const doc = board();
    markErased(doc, BOARD_RULES['open-space'], 'ana00001', 'keep', 7);
    expect(readRevocation(doc, 'ana00001')).toEqual({ content: 'keep', erased: true });
    expect(readRevocation(doc, 'bad00001')).toEqual({ content: 'keep', erased: false });
    expect(readRevocation(doc, 'bo000001')).toBeNull();
    expect(moderationGuard(doc, participant).actor).toMatchObject({
      ok: false,
      detail: 'you deleted your data from this board',
    });
  });

  it('declares moderation commands for the facilitator, submissions for participants', () => {
    const commands = BOARD_RULES['open-space'].commands;
    expect(commands['mod-hide']).toEqual({ who: 'facilitator' });
    expect(commands['mod-list']).toEqual({ who: 'facilitator' });
    expect(commands['mod-submit']).toEqual({ who: 'participant' });
  });

  it('refuses a hidden id, a queued part and a removed participant', () => {
    const doc = board();
    const guard = moderationGuard(doc, participant);
    expect(guard.actor.ok).toBe(true);
    expect(guard.create('topics', 'topic00001')).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(guard.create('topics', 'topic00002').ok).toBe(true);
    expect(guard.create('stories', 'story00001')).toMatchObject({ ok: false });
    // The facilitator is not queued, but cannot bring a hidden id back by an edit either.
    const fac = moderationGuard(doc, facilitator);
    expect(fac.create('stories', 'story00001').ok).toBe(true);
    expect(fac.create('topics', 'topic00001').ok).toBe(false);
    expect(moderationGuard(doc, { role: 'participant', participantId: 'bad00001' }).actor.ok).toBe(
      false,
    );
  });

  it('reads anonymous mode for participants only', () => {
    const doc = board();
    expect(moderationGuard(doc, participant).anonymous).toBe(false);
    doc.getMap(MOD_ROOT.settings).set('anonymous', true);
    expect(moderationGuard(doc, participant).anonymous).toBe(true);
    expect(moderationGuard(doc, facilitator).anonymous).toBe(false);
  });

  it('reads tombstones and the queue without any content', () => {
    const doc = board();
    const entry = new Y.Map<unknown>([
      ['part', 'topics'],
      ['owner', 'ana00001'],
      ['state', 'declined'],
      ['at', 3],
    ]);
    doc.getMap(MOD_ROOT.queue).set('topic00009', entry);
    expect(readTombstones(doc)).toEqual([
      {
        key: 'topics/topic00001',
        part: 'topics',
        id: 'topic00001',
        owner: 'ana00001',
        state: 'hidden',
        at: 5,
      },
    ]);
    expect(readQueue(doc)).toEqual([
      { id: 'topic00009', part: 'topics', owner: 'ana00001', state: 'declined', at: 3 },
    ]);
    expect(readModSettings(doc)).toEqual({ anonymous: false, approval: ['stories'] });
    expect(isRevoked(doc, 'bad00001')).toBe(true);
    expect(isRevoked(doc, 'ana00001')).toBe(false);
  });
});

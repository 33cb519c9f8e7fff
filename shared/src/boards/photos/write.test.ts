import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkAccess, type Actor } from '../../rules/check.ts';
import type { BoardRules } from '../../rules/model.ts';
import { PHOTO_LIMITS, PHOTO_ROOT } from './layout.ts';
import { photoParts } from './parts.ts';
import { readPhotos } from './read.ts';
import { setPhotoCaption } from './write.ts';

const RULES: BoardRules = { parts: photoParts, commands: {} };
const caption = (actor: Actor, owner: string) =>
  checkAccess(RULES, actor, 'marketplace', {
    part: PHOTO_ROOT.photos,
    action: 'update',
    owner,
    field: 'caption',
  }).ok;

function boardWithPhoto(): Y.Doc {
  const doc = new Y.Doc();
  const photo = new Y.Map<unknown>();
  doc.getMap<unknown>(PHOTO_ROOT.photos).set('photo00001', photo);
  for (const [k, v] of Object.entries({
    owner: 'ana',
    createdAt: 1,
    part: 'topics',
    ref: 'topic00001',
    type: 'image/jpeg',
    width: 64,
    height: 48,
    caption: '',
  }))
    photo.set(k, v);
  return doc;
}

describe('a photo caption', () => {
  it('is written by the owner and the facilitator, not by another participant, a narrow team role or the projector', () => {
    expect(caption({ role: 'participant', participantId: 'ana' }, 'ana')).toBe(true);
    expect(caption({ role: 'facilitator', participantId: 'fac' }, 'ana')).toBe(true);
    expect(caption({ role: 'participant', participantId: 'bo' }, 'ana')).toBe(false);
    expect(caption({ role: 'facilitator', participantId: 'nt', team: 'note-taker' }, 'ana')).toBe(
      false,
    );
    expect(caption({ role: 'projector', participantId: 'wall' }, 'ana')).toBe(false);
  });

  it('is trimmed and cut to the rules length; a photo no longer there is left alone', () => {
    const doc = boardWithPhoto();
    expect(setPhotoCaption(doc, 'photo00001', '  Table 3: five points  ')).toBe(true);
    expect(readPhotos(doc)[0]?.caption).toBe('Table 3: five points');
    setPhotoCaption(doc, 'photo00001', 'x'.repeat(PHOTO_LIMITS.caption + 50));
    expect(readPhotos(doc)[0]?.caption).toHaveLength(PHOTO_LIMITS.caption);
    expect(photoParts[PHOTO_ROOT.photos]?.fields.caption?.max).toBe(PHOTO_LIMITS.caption);
    expect(setPhotoCaption(doc, 'gone', 'anything')).toBe(false);
  });

  it('sends no update when it does not change', () => {
    const doc = boardWithPhoto();
    setPhotoCaption(doc, 'photo00001', 'Flipchart');
    let updates = 0;
    doc.on('update', () => updates++);
    setPhotoCaption(doc, 'photo00001', ' Flipchart ');
    expect(updates).toBe(0);
  });
});

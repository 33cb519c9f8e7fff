import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCards } from '@twinspace/shared/boards/common';
import {
  CARD_TEXT_MAX,
  addCard,
  cardPermissions,
  cleanCardText,
  deleteCard,
  editCard,
  mayAddCard,
  type Actor,
} from './cardOps.ts';

const actor = (role: Actor['role'], participantId: string | null = 'me'): Actor => ({
  role,
  participantId,
  kind: 'open-space',
  phase: 'marketplace',
});

describe('card operations', () => {
  it('adds a trimmed card with owner and language, and refuses empty or too long text', () => {
    const doc = new Y.Doc();
    expect(addCard(doc, 'me', '   ', 'en')).toBeNull();
    expect(addCard(doc, 'me', 'x'.repeat(CARD_TEXT_MAX + 1), 'en')).toBeNull();
    const id = addCard(doc, 'me', '  Mobility across borders  ', 'de');
    expect(readCards(doc)).toEqual([
      expect.objectContaining({ id, owner: 'me', text: 'Mobility across borders', language: 'de' }),
    ]);
  });

  it('edits and deletes', () => {
    const doc = new Y.Doc();
    const id = addCard(doc, 'me', 'first', undefined) ?? '';
    expect(editCard(doc, id, 'second')).toBe(true);
    expect(readCards(doc)[0]?.text).toBe('second');
    expect(editCard(doc, 'missing', 'x')).toBe(false);
    deleteCard(doc, id);
    expect(readCards(doc)).toEqual([]);
  });

  it("corrects a card's language with its text in one update, and writes nothing unchanged", () => {
    const doc = new Y.Doc();
    const id = addCard(doc, 'me', 'Repair café', 'de') ?? '';
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(editCard(doc, id, 'Repair café in the library', 'en')).toBe(true);
    expect(updates).toHaveLength(1);
    expect(readCards(doc)[0]).toMatchObject({ text: 'Repair café in the library', language: 'en' });
    expect(editCard(doc, id, 'Repair café in the library', 'en')).toBe(true);
    expect(updates).toHaveLength(1);
  });

  it('cleans text like the server checks it', () => {
    expect(cleanCardText(' a ')).toBe('a');
    expect(cleanCardText('x'.repeat(CARD_TEXT_MAX))).toHaveLength(CARD_TEXT_MAX);
  });
});

describe('card permissions (the rule model the server applies)', () => {
  it('lets the owner edit and delete their own card, not others', () => {
    expect(cardPermissions(actor('participant'), { owner: 'me' })).toEqual({
      edit: true,
      remove: true,
    });
    expect(cardPermissions(actor('participant'), { owner: 'other' })).toEqual({
      edit: false,
      remove: false,
    });
  });

  it('lets the facilitator moderate any card', () => {
    expect(cardPermissions(actor('facilitator'), { owner: 'other' })).toEqual({
      edit: true,
      remove: true,
    });
  });

  it('gives the projector no controls at all', () => {
    expect(cardPermissions(actor('projector'), { owner: 'me' })).toEqual({
      edit: false,
      remove: false,
    });
    expect(mayAddCard(actor('projector'))).toBe(false);
    expect(mayAddCard(actor('participant'))).toBe(true);
    expect(mayAddCard(actor('participant', null))).toBe(false);
  });
});

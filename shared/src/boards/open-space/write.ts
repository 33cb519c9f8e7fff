import type * as Y from 'yjs';
import { createEntity } from '../common.ts';
import { OS_ROOT } from './layout.ts';
import { newEntityId } from '../../ids.ts';

/**
 * Plain document edits of the Open Space board (what is not a command): topics, the grid's
 * slots and spaces, settings, action items, stories, contacts. Each works offline and is
 * checked by the server's rule model when it arrives; placement and votes are commands.
 */
type Entity = Y.Map<unknown>;
const part = (doc: Y.Doc, root: string): Y.Map<Entity> => doc.getMap<Entity>(root);

export interface TopicDraft {
  title: string;
  description: string;
  language: string;
  tags: string[];
  convener: string;
}

/** Tags typed as "mobility, youth" -> ['mobility', 'youth'] (at most 8, no duplicates). */
export const parseTags = (text: string): string[] =>
  [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().slice(0, 40))
        .filter(Boolean),
    ),
  ].slice(0, 8);

const cleanDraft = (d: TopicDraft): TopicDraft => ({
  title: d.title.trim().slice(0, 120),
  description: d.description.trim().slice(0, 1000),
  language: d.language.trim().slice(0, 12),
  tags: d.tags,
  convener: d.convener.trim().slice(0, 60),
});

export function createTopic(doc: Y.Doc, owner: string, draft: TopicDraft): string | null {
  const clean = cleanDraft(draft);
  if (!clean.title) return null;
  const id = newEntityId();
  doc.transact(() => createEntity(part(doc, OS_ROOT.topics), id, owner, { ...clean }));
  return id;
}

/** Writes only the fields that changed (a field outside its phases would be refused whole). */
export function updateEntity(doc: Y.Doc, root: string, id: string, fields: object): void {
  const entity = part(doc, root).get(id);
  if (!entity) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) {
      const old = entity.get(key);
      const same = Array.isArray(value)
        ? Array.isArray(old) && old.join('\u0000') === value.join('\u0000')
        : old === value;
      if (!same) entity.set(key, value);
    }
  });
}

export const updateTopic = (doc: Y.Doc, id: string, draft: TopicDraft): void =>
  updateEntity(doc, OS_ROOT.topics, id, cleanDraft(draft));

export const deleteEntity = (doc: Y.Doc, root: string, id: string): void => {
  part(doc, root).delete(id);
};

export function addSlot(
  doc: Y.Doc,
  owner: string,
  slot: { label: string; start: string; end: string },
  order: number,
): void {
  doc.transact(() =>
    createEntity(part(doc, OS_ROOT.slots), newEntityId(), owner, { ...slot, order }),
  );
}

export function addSpace(
  doc: Y.Doc,
  owner: string,
  space: { name: string; capacity: number; videoUrl: string },
  order: number,
): void {
  const fields: Record<string, unknown> = { name: space.name, capacity: space.capacity, order };
  if (space.videoUrl) fields['videoUrl'] = space.videoUrl;
  doc.transact(() => createEntity(part(doc, OS_ROOT.spaces), newEntityId(), owner, fields));
}

export function setSetting(doc: Y.Doc, key: string, value: unknown): void {
  const settings = doc.getMap<unknown>(OS_ROOT.settings);
  if (settings.get(key) !== value) settings.set(key, value);
}

export function addAction(
  doc: Y.Doc,
  owner: string,
  topicId: string,
  text: string,
  assignee: string,
): void {
  const clean = text.trim().slice(0, 300);
  if (!clean) return;
  const fields = { topicId, text: clean, assignee: assignee.trim().slice(0, 60), done: false };
  doc.transact(() => createEntity(part(doc, OS_ROOT.actions), newEntityId(), owner, fields));
}

export function addStory(doc: Y.Doc, owner: string, text: string, language: string): void {
  const clean = text.trim().slice(0, 500);
  if (!clean) return;
  doc.transact(() =>
    createEntity(part(doc, OS_ROOT.stories), newEntityId(), owner, { text: clean, language }),
  );
}

export type ContactFields = Record<
  'name' | 'organisation' | 'email' | 'phone' | 'city' | 'about',
  string
>;

/** The person's own entry (id = their participant id): created once, then updated. */
export function saveContact(doc: Y.Doc, owner: string, fields: ContactFields): void {
  const contacts = part(doc, OS_ROOT.contacts);
  if (contacts.get(owner)) return updateEntity(doc, OS_ROOT.contacts, owner, fields);
  doc.transact(() => createEntity(contacts, owner, owner, { ...fields }));
}

/** A fresh nonce per vote, so a retried vote is recognised ('duplicate') and not counted twice. */
export const newVoteId = (): string => newEntityId(16);

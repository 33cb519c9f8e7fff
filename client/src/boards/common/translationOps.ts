import type * as Y from 'yjs';
import { createEntity, entityTime, getMeta } from '@twinspace/shared/boards/common';
import { CREATED_FIELD } from '@twinspace/shared/rules/model';
import {
  TRANSLATIONS_ROOT,
  baseLanguage,
  readTranslations,
  translationsPart,
} from '@twinspace/shared/boards/translations';
import { newEntityId } from '@twinspace/shared/ids';
import { boardActions } from '../../state/boardStore.ts';
import { registerDocBinder } from '../../sync/docBinding.ts';

export { versionFor, type Original, type Version } from '@twinspace/shared/boards/translations';

export const TITLE_MAX = translationsPart.fields['title']?.max ?? 200;
export const TEXT_MAX = translationsPart.fields['text']?.max ?? 1000;

/**
 * Adds a translation, or updates the one this person already wrote for (target,
 * language): one entity per translator and language, owned by the translator.
 */
export function saveTranslation(
  doc: Y.Doc,
  owner: string,
  target: string,
  language: string,
  fields: { title?: string | undefined; text?: string | undefined },
): string | null {
  const clean: Record<string, string> = {};
  const title = fields.title?.trim().slice(0, TITLE_MAX);
  const text = fields.text?.trim().slice(0, TEXT_MAX);
  if (title) clean['title'] = title;
  if (text) clean['text'] = text;
  if (Object.keys(clean).length === 0) return null;
  const root = doc.getMap<Y.Map<unknown>>(TRANSLATIONS_ROOT);
  const mine = readTranslations(doc).filter(
    (t) => t.owner === owner && t.target === target && t.language === baseLanguage(language),
  );
  const existing = mine.at(-1);
  const entity = existing ? root.get(existing.id) : undefined;
  if (existing && entity) {
    doc.transact(() => {
      let changed = false;
      for (const key of ['title', 'text'] as const) {
        const value = clean[key];
        if (value !== undefined && entity.get(key) !== value) {
          entity.set(key, value);
          changed = true;
        }
      }
      // The newest translation is the one shown: a correction is new, or it would stay
      // behind one someone else wrote in between.
      if (changed) entity.set(CREATED_FIELD, entityTime());
    });
    return existing.id;
  }
  const id = newEntityId();
  doc.transact(() =>
    createEntity(root, id, owner, { target, language: baseLanguage(language), ...clean }),
  );
  return id;
}

/** The facilitator's languages for the wall (meta.languages; the first two side by side). */
export function setWallLanguages(doc: Y.Doc, languages: readonly string[]): void {
  const unique = [...new Set(languages.filter(Boolean))].slice(0, 2);
  getMeta(doc).set('languages', unique);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function bindTranslations(doc: Y.Doc): () => void {
  const root = doc.getMap(TRANSLATIONS_ROOT);
  const meta = getMeta(doc);
  const push = (): void => boardActions().setTranslations(readTranslations(doc));
  const pushLanguages = (): void => boardActions().setLanguages(strings(meta.get('languages')));
  root.observeDeep(push);
  meta.observe(pushLanguages);
  push();
  pushLanguages();
  return () => {
    root.unobserveDeep(push);
    meta.unobserve(pushLanguages);
  };
}

/** Mirrors translations and the wall languages of every bound document into the store. */
export const startTranslationBinding = (): void => registerDocBinder(bindTranslations);

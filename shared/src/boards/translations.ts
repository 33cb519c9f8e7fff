import * as Y from 'yjs';
import { CREATED_FIELD, ENTITY_FIELDS, OWNER_FIELD, type PartRule } from '../rules/model.ts';
import { baseLanguage } from '../languages.ts';

/**
 * Card translations added by bilingual participants (issue 7): one entity per
 * (target, language), owned by its translator; the original stays untouched.
 */
export const TRANSLATIONS_ROOT = 'translations';

export const translationsPart: PartRule = {
  kind: 'collection',
  create: 'participant',
  update: 'owner',
  delete: 'owner',
  maxPerOwner: 300,
  // A translation stands in for a card or topic for every reader of its language: where the
  // facilitator approves what enters the board, translations can wait for approval too.
  approval: true,
  fields: {
    ...ENTITY_FIELDS,
    /** `${root}/${entityId}` of the translated entity. */
    target: { type: 'string', max: 140 },
    language: { type: 'string', max: 12 },
    title: { type: 'string', max: 200 },
    text: { type: 'string', max: 1000 },
  },
};

/** One translation as the UI and the exports read it. */
export interface Translation {
  readonly id: string;
  readonly owner: string;
  /** `${root}/${entityId}`, see translationTarget. */
  readonly target: string;
  readonly language: string;
  readonly title?: string | undefined;
  readonly text?: string | undefined;
  readonly createdAt: number;
}

/** The `target` of a translation of entity `id` in root type `root` ("cards/abc"). */
export const translationTarget = (root: string, id: string): string => `${root}/${id}`;

export { baseLanguage };

export function readTranslations(doc: Y.Doc): Translation[] {
  const out: Translation[] = [];
  doc.getMap<Y.Map<unknown>>(TRANSLATIONS_ROOT).forEach((entity, id) => {
    if (!(entity instanceof Y.Map)) return;
    const owner = entity.get(OWNER_FIELD);
    const target = entity.get('target');
    const language = entity.get('language');
    if (typeof owner !== 'string' || typeof target !== 'string' || typeof language !== 'string')
      return;
    const title = entity.get('title');
    const text = entity.get('text');
    const createdAt = entity.get(CREATED_FIELD);
    out.push({
      id,
      owner,
      target,
      language: baseLanguage(language),
      title: typeof title === 'string' && title.trim() ? title : undefined,
      text: typeof text === 'string' && text.trim() ? text : undefined,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    });
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The translation of `target` into `language` to show, if any: the newest one (several
 * people may translate the same card). Exports per language use this as the UI does.
 */
export function translationFor(
  translations: readonly Translation[],
  target: string,
  language: string,
): Translation | undefined {
  const lang = baseLanguage(language);
  let found: Translation | undefined;
  for (const t of translations) if (t.target === target && t.language === lang) found = t;
  return found;
}

/** What is translated: a topic or card as written (title and/or text, in its language). */
export interface Original {
  readonly language?: string | undefined;
  readonly title?: string | undefined;
  readonly text?: string | undefined;
}

/** What one screen shows of an entity: the viewer's language if there is a translation. */
export interface Version {
  readonly title?: string | undefined;
  readonly text?: string | undefined;
  /** The language of what is shown (for the lang attribute). */
  readonly language?: string | undefined;
  /** A translation is shown (then the original is marked and can be revealed). */
  readonly translated: boolean;
}

/**
 * Picks the version to show in `language`; the original when it is in that language. The
 * app's screens and the server's board preview (SPEC R15) choose with it alike.
 */
export function versionFor(
  original: Original,
  translations: readonly Translation[],
  target: string,
  language: string,
): Version {
  const asWritten: Version = { ...original, translated: false };
  if (original.language && baseLanguage(original.language) === baseLanguage(language))
    return asWritten;
  const found = translationFor(translations, target, language);
  if (!found) return asWritten;
  return {
    // A translation may cover only the title or only the text; the rest stays original.
    title: original.title === undefined ? undefined : (found.title ?? original.title),
    text: original.text === undefined ? undefined : (found.text ?? original.text),
    language: found.language,
    translated: true,
  };
}

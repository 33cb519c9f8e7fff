import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FALLBACK_LANGUAGE, baseLanguage } from '@twinspace/shared/languages';

/**
 * The words the exports use for photos: the `export` part of the `photos` namespace
 * (client/src/i18n/locales/<lang>/photos.json), read from the source tree like the other
 * export words (server/src/exports/strings.ts), in the reader's language.
 */
export interface PhotoWords {
  /** The section's heading. */
  title: string;
  /** What a photo attached to a Top five group is under. */
  topFive: string;
  /** When what it was attached to is gone. */
  detached: string;
  /** "Photo {{n}}": the alternative text of a photo without a caption. */
  photo: string;
}
type Words = PhotoWords;

const LOCALES = fileURLToPath(new URL('../../../client/src/i18n/locales', import.meta.url));
const cache = new Map<string, Words | null>();

function load(lang: string): Words | null {
  if (!cache.has(lang)) {
    const file = `${LOCALES}/${lang}/photos.json`;
    const words =
      /^[a-z]{2,3}$/.test(lang) && fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { export: Words }).export
        : null;
    cache.set(lang, words);
  }
  return cache.get(lang) ?? null;
}

export function photoWords(language: string | undefined): Words {
  const english = load(FALLBACK_LANGUAGE)!;
  const own = language ? load(baseLanguage(language)) : null;
  return { ...english, ...own };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type ParseKeys, type TFunction } from 'i18next';
import { FALLBACK_LANGUAGE, baseLanguage } from '@twinspace/shared/languages';

/**
 * The exports' own words (client/src/i18n/locales/<lang>/exports.json, kept with every
 * other string and checked by the same parity test), through i18next. Read from the
 * source tree, not the client build, so exports work before any build (the server runs
 * from its sources, the image carries them).
 */
const LOCALES = fileURLToPath(new URL('../../../client/src/i18n/locales', import.meta.url));

let loaded: i18n | null = null;

function strings(): i18n {
  if (loaded) return loaded;
  const resources: Record<string, { exports: Record<string, unknown> }> = {};
  for (const lang of fs.readdirSync(LOCALES)) {
    const file = path.join(LOCALES, lang, 'exports.json');
    if (fs.existsSync(file))
      resources[lang] = { exports: JSON.parse(fs.readFileSync(file, 'utf8')) as never };
  }
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: ['exports'],
    defaultNS: 'exports',
    // Each format escapes what it writes, the values put into these strings included.
    interpolation: { escapeValue: false },
  });
  loaded = instance;
  return instance;
}

export type ExportWords = TFunction<'exports'>;
/** A key of the exports' words (typed: a typo fails typecheck). */
export type ExportKey = ParseKeys<'exports'>;

/** The exports' words in `language` (its base: "de-AT" reads German), English without one. */
export const exportWords = (language: string | undefined): ExportWords =>
  strings().getFixedT(language ? baseLanguage(language) : FALLBACK_LANGUAGE, 'exports');

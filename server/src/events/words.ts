import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TFunction } from 'i18next';
import { FALLBACK_LANGUAGE, baseLanguage } from '@twinspace/shared/languages';

/**
 * The event export's words: the `export` part of the `events` namespace
 * (client/src/i18n/locales/<lang>/events.json, checked by the client's parity test), read
 * from the source tree like the board exports' words (exports/strings.ts).
 */
const LOCALES = fileURLToPath(new URL('../../../client/src/i18n/locales', import.meta.url));

let loaded: i18n | null = null;

function strings(): i18n {
  if (loaded) return loaded;
  const resources: Record<string, { events: Record<string, unknown> }> = {};
  for (const lang of fs.readdirSync(LOCALES)) {
    const file = path.join(LOCALES, lang, 'events.json');
    if (fs.existsSync(file))
      resources[lang] = { events: JSON.parse(fs.readFileSync(file, 'utf8')) as never };
  }
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: ['events'],
    defaultNS: 'events',
    // Each format escapes what it writes, the values put into these strings included.
    interpolation: { escapeValue: false },
  });
  loaded = instance;
  return instance;
}

export type EventWords = TFunction<'events', 'export'>;

/** The event export's words in `language` (its base), English without one. */
export const eventWords = (language: string | undefined): EventWords =>
  strings().getFixedT(language ? baseLanguage(language) : FALLBACK_LANGUAGE, 'events', 'export');

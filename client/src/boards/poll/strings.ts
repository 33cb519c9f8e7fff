import i18next from 'i18next';
import { FALLBACK_LANGUAGE } from '../../i18n/languages.ts';
import { loadChunk } from '../../sync/chunks.ts';

/**
 * The `polls` strings (LAZY_NAMESPACES), one small chunk per language, loaded by the
 * plenary's views themselves: the glob lives in their chunk, not in every page's entry.
 */
const strings = import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/polls.json', {
  import: 'default',
});

async function ensure(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'polls')) return;
  const load = strings[`../../i18n/locales/${lang}/polls.json`];
  if (load) i18next.addResourceBundle(lang, 'polls', await loadChunk(load), true, true);
}

/** Loads the strings in the current language and English; a language switch loads its own. */
export async function loadPollStrings(): Promise<void> {
  await Promise.all([ensure(i18next.language), ensure(FALLBACK_LANGUAGE)]);
}

// `languageChanged` fires before React re-renders, and the bundle is added before the next
// render reads it: a language chosen later shows these views in it too.
i18next.on('languageChanged', (lang) => void ensure(lang));

import i18next from 'i18next';
import { FALLBACK_LANGUAGE } from '@twinspace/shared/languages';
import { loadChunk } from '../sync/chunks.ts';

/** The `privacy` namespace (LAZY_NAMESPACES): loaded with the privacy screens, not before. */
const files = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/privacy.json', {
  import: 'default',
});

async function add(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'privacy')) return;
  const load = files[`../i18n/locales/${lang}/privacy.json`];
  if (load) i18next.addResourceBundle(lang, 'privacy', await loadChunk(load), true, true);
}

/** The privacy strings in the interface language and the fallback (a switch loads its own). */
export async function loadPrivacyStrings(): Promise<void> {
  await Promise.all([add(i18next.language), add(FALLBACK_LANGUAGE)]);
}

i18next.on('languageChanged', (lang) => void add(lang));

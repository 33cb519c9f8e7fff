import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { FALLBACK_LANGUAGE } from '../i18n/languages.ts';
import { loadChunk } from '../sync/chunks.ts';

/**
 * The `events` namespace (LAZY_NAMESPACES): only the event pages use it, so it downloads
 * with them, one small chunk per language, and again when the language changes.
 */
const loaders = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/events.json', {
  import: 'default',
});

async function load(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'events')) return;
  const loader = loaders[`../i18n/locales/${lang}/events.json`];
  if (loader) i18next.addResourceBundle(lang, 'events', await loadChunk(loader), true, true);
}

const loadFor = (lang: string): Promise<unknown> =>
  Promise.all([load(lang), load(FALLBACK_LANGUAGE)]);

/** True once the event strings of the current language are there (re-renders after a switch). */
export function useEventStrings(): boolean {
  const [loaded, setLoaded] = useState<string | null>(() =>
    i18next.hasResourceBundle(i18next.language, 'events') ? i18next.language : null,
  );
  useEffect(() => {
    let live = true;
    const reload = (lang: string): void => {
      void loadFor(lang).then(() => live && setLoaded(lang));
    };
    reload(i18next.language);
    i18next.on('languageChanged', reload);
    return () => {
      live = false;
      i18next.off('languageChanged', reload);
    };
  }, []);
  return loaded !== null;
}

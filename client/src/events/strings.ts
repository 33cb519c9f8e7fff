import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { namespaceLoader } from '../i18n/namespaceLoader.ts';

/**
 * The `events` namespace (LAZY_NAMESPACES): only the event pages use it, so it downloads
 * with them, one small chunk per language, and again when the language changes.
 */
const strings = namespaceLoader(
  'events',
  import.meta.glob<Record<string, unknown>>('../i18n/locales/*/events.json', {
    import: 'default',
  }),
);

/**
 * True once the event strings of the current language are there (re-renders after a switch).
 * Not `strings.useLoaded`: true from the first render when they are here already, and it stays
 * true while a newly chosen language loads.
 */
export function useEventStrings(): boolean {
  const [loaded, setLoaded] = useState<string | null>(() =>
    i18next.hasResourceBundle(i18next.language, 'events') ? i18next.language : null,
  );
  useEffect(() => {
    let live = true;
    const reload = (lang: string): void => {
      void strings.loadFor(lang).then(() => live && setLoaded(lang));
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

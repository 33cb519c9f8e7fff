import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadChunk } from '../sync/chunks.ts';

/** The `team` namespace (LAZY_NAMESPACES): one small chunk per language, with this panel. */
const teamStrings = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/team.json', {
  import: 'default',
});

async function ensure(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'team')) return;
  const load = teamStrings[`../i18n/locales/${lang}/team.json`];
  if (load) i18next.addResourceBundle(lang, 'team', await loadChunk(load), true, true);
}

/** Loads the team strings in the shown language (and English); true once they are here. */
export function useTeamStrings(): boolean {
  // Re-rendered on a language switch, which loads that language's strings too.
  const lang = useTranslation().i18n.language;
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([ensure(lang), ensure('en')]).then(() => live && setLoaded(lang));
    return () => {
      live = false;
    };
  }, [lang]);
  return loaded === lang;
}

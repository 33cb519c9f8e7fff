import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FALLBACK_LANGUAGE, type LAZY_NAMESPACES } from './languages.ts';
import { loadChunk } from '../sync/chunks.ts';

type Strings = Record<string, unknown>;

/** How a lazy namespace's strings arrive (one small chunk per language, with their view). */
export interface NamespaceLoader {
  /** The strings in `lang` and the fallback language (each unless it is here already). */
  loadFor: (lang: string) => Promise<void>;
  /** The strings in the current language and the fallback. */
  loadNow: () => Promise<void>;
  /**
   * True once the strings of the language shown (and the fallback) are here, re-rendering
   * then; false from a language switch until that language's strings are here.
   */
  useLoaded: () => boolean;
}

/**
 * A namespace of LAZY_NAMESPACES, loaded from `files`: the `import.meta.glob` of its
 * locales/<lang>/<ns>.json, written in the lazy module that uses it (Vite resolves it at build
 * time; a glob here would put every namespace's list of chunks into the entry). `followSwitches`:
 * a language chosen later loads these strings too, as soon as it is chosen (`languageChanged`
 * fires before React re-renders, and the bundle is added before the next render reads it).
 */
export function namespaceLoader(
  ns: (typeof LAZY_NAMESPACES)[number],
  files: Record<string, () => Promise<Strings>>,
  { followSwitches = false } = {},
): NamespaceLoader {
  // One load per language, shared by every view that asks meanwhile (a notice and its view).
  const pending = new Map<string, Promise<void>>();
  async function fetchInto(lang: string): Promise<void> {
    const file = `/locales/${lang}/${ns}.json`;
    const load = Object.entries(files).find(([path]) => path.endsWith(file))?.[1];
    if (load) i18next.addResourceBundle(lang, ns, await loadChunk(load), true, true);
  }
  function ensure(lang: string): Promise<void> {
    if (i18next.hasResourceBundle(lang, ns)) return Promise.resolve();
    let loading = pending.get(lang);
    if (!loading) {
      // A failed download is forgotten, so that the next view to ask tries again.
      loading = fetchInto(lang).finally(() => pending.delete(lang));
      pending.set(lang, loading);
    }
    return loading;
  }
  const loadFor = async (lang: string): Promise<void> => {
    await Promise.all([...new Set([lang, FALLBACK_LANGUAGE])].map(ensure));
  };
  if (followSwitches) i18next.on('languageChanged', (lang) => void ensure(lang));
  // Re-rendered on a language switch, which loads that language's strings too.
  function useLoaded(): boolean {
    const lang = useTranslation().i18n.language;
    const [loaded, setLoaded] = useState<string | null>(null);
    useEffect(() => {
      let live = true;
      void loadFor(lang).then(() => live && setLoaded(lang));
      return () => {
        live = false;
      };
    }, [lang]);
    return loaded === lang;
  }
  return { loadFor, loadNow: () => loadFor(i18next.language), useLoaded };
}

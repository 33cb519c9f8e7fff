import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FALLBACK_LANGUAGE } from './languages.ts';
import { loadChunk } from '../sync/chunks.ts';

type Strings = Record<string, unknown>;
/** Namespaces of views that download after the board (LAZY_NAMESPACES): one chunk per language. */
type LazyNamespace = 'photos' | 'print';

const loaders: Record<LazyNamespace, Record<string, () => Promise<Strings>>> = {
  photos: import.meta.glob<Strings>('./locales/*/photos.json', { import: 'default' }),
  print: import.meta.glob<Strings>('./locales/*/print.json', { import: 'default' }),
};
const loading = new Map<string, Promise<void>>();

function ensure(
  i18n: ReturnType<typeof useTranslation>['i18n'],
  ns: LazyNamespace,
  lang: string,
): Promise<void> {
  if (i18n.hasResourceBundle(lang, ns)) return Promise.resolve();
  let pending = loading.get(`${ns}:${lang}`);
  if (!pending) {
    const load = loaders[ns][`./locales/${lang}/${ns}.json`];
    pending = load
      ? loadChunk(load).then(
          (strings) => void i18n.addResourceBundle(lang, ns, strings, true, true),
        )
      : Promise.resolve();
    loading.set(`${ns}:${lang}`, pending);
  }
  return pending;
}

/** A lazy namespace's words in the current language, or null while they download. */
export function useLazyStrings<N extends LazyNamespace>(ns: N): TFunction<N> | null {
  const { t, i18n } = useTranslation(ns);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([ensure(i18n, ns, lang), ensure(i18n, ns, FALLBACK_LANGUAGE)]).then(
      () => live && setReady(lang),
    );
    return () => {
      live = false;
    };
  }, [i18n, ns, lang]);
  return ready === lang ? (t as TFunction<N>) : null;
}

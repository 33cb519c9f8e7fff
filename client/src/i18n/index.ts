import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStored, writeStored } from '../sync/storage.ts';
import { FALLBACK_LANGUAGE, NAMESPACES, PLANNED_UI_LANGUAGES, pickLanguage } from './languages.ts';
import type { LocaleBundle } from './locales/types.ts';

/**
 * One lazily loaded chunk per language (locales/<lang>/index.ts bundles its namespaces),
 * so a phone downloads only the language it shows.
 */
const loaders = import.meta.glob<LocaleBundle>('./locales/*/index.ts', { import: 'default' });

function loaderFor(lang: string): (() => Promise<LocaleBundle>) | undefined {
  return loaders[`./locales/${lang}/index.ts`];
}

export const UI_LANGUAGES: readonly string[] = PLANNED_UI_LANGUAGES.filter((lang) =>
  loaderFor(lang),
);

const STORAGE_KEY = 'uiLanguage';

async function ensureLoaded(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'common')) return;
  const load = loaderFor(lang);
  if (!load) return;
  const bundle = await load();
  for (const ns of NAMESPACES) i18next.addResourceBundle(lang, ns, bundle[ns], true, true);
}

function reflectInDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('common:app.name');
}

/** Loads the language the person last chose (or their browser's) before the first render. */
export async function initI18n(): Promise<void> {
  const lang = pickLanguage(readStored(STORAGE_KEY), navigator.languages, UI_LANGUAGES);
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  await Promise.all([ensureLoaded(lang), ensureLoaded(FALLBACK_LANGUAGE)]);
  await i18next.changeLanguage(lang);
  reflectInDocument(lang);
}

/** Switches the interface language and remembers the choice on this device. */
export async function setUiLanguage(lang: string): Promise<void> {
  if (!UI_LANGUAGES.includes(lang)) return;
  await ensureLoaded(lang);
  await i18next.changeLanguage(lang);
  writeStored(STORAGE_KEY, lang);
  reflectInDocument(lang);
}

export const currentUiLanguage = (): string => i18next.resolvedLanguage ?? i18next.language;

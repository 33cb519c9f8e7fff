import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStored, writeStored } from '../sync/storage.ts';
import {
  CORE_NAMESPACES,
  FALLBACK_LANGUAGE,
  NAMESPACES,
  PLANNED_UI_LANGUAGES,
  pickLanguage,
  type BoardNamespace,
} from './languages.ts';
import type { LocaleBundle } from './locales/types.ts';
import { LANGUAGE_COOKIE } from '@twinspace/shared/languages';
import { loadChunk } from '../sync/chunks.ts';

/**
 * One lazily loaded chunk per language (locales/<lang>/index.ts bundles its namespaces),
 * so a phone downloads only the language it shows.
 */
const loaders = import.meta.glob<LocaleBundle>('./locales/*/index.ts', { import: 'default' });

function loaderFor(lang: string): (() => Promise<LocaleBundle>) | undefined {
  return loaders[`./locales/${lang}/index.ts`];
}

type Strings = Record<string, unknown>;
/** A board's namespace, one chunk per language, loaded with that board's code. */
const boardLoaders = {
  ...import.meta.glob<Strings>('./locales/*/openSpace.json', { import: 'default' }),
  ...import.meta.glob<Strings>('./locales/*/matchSprint.json', { import: 'default' }),
};
/** The boards' namespaces this page has needed: a language switch loads them too. */
const boardsInUse = new Set<BoardNamespace>();

async function ensureBoardStrings(lang: string, ns: BoardNamespace): Promise<void> {
  if (i18next.hasResourceBundle(lang, ns)) return;
  const load = boardLoaders[`./locales/${lang}/${ns}.json`];
  if (load) i18next.addResourceBundle(lang, ns, await loadChunk(load), true, true);
}

/** Loads one board's strings in the current language (and the English fallback). */
export async function loadBoardStrings(ns: BoardNamespace): Promise<void> {
  boardsInUse.add(ns);
  // Called early (by the entry script's preload) the language may not be set yet: it is
  // the one initI18n is about to pick.
  const lang = i18next.language || startingLanguage();
  await Promise.all([ensureBoardStrings(lang, ns), ensureBoardStrings(FALLBACK_LANGUAGE, ns)]);
}

export const UI_LANGUAGES: readonly string[] = PLANNED_UI_LANGUAGES.filter((lang) =>
  loaderFor(lang),
);

const STORAGE_KEY = 'uiLanguage';

async function ensureLoaded(lang: string): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'common')) return;
  const load = loaderFor(lang);
  if (!load) return;
  const bundle = await loadChunk(load);
  for (const ns of CORE_NAMESPACES) i18next.addResourceBundle(lang, ns, bundle[ns], true, true);
}

function reflectInDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('common:app.name');
  // The server renders a board's first view before any script runs: the cookie tells it
  // the language this person chose, which Accept-Language does not know.
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
}

const startingLanguage = (): string =>
  pickLanguage(readStored(STORAGE_KEY), navigator.languages, UI_LANGUAGES);

/** Loads the language the person last chose (or their browser's) before the first render. */
export async function initI18n(): Promise<void> {
  const lang = startingLanguage();
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
  await Promise.all([
    ensureLoaded(lang),
    ...[...boardsInUse].map((ns) => ensureBoardStrings(lang, ns)),
  ]);
  await i18next.changeLanguage(lang);
  writeStored(STORAGE_KEY, lang);
  reflectInDocument(lang);
}

export const currentUiLanguage = (): string => i18next.resolvedLanguage ?? i18next.language;

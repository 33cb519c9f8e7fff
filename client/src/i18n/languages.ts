/**
 * UI languages. The product promises seven; a language becomes selectable as soon as its
 * folder under locales/ exists (see index.ts), so adding one needs no code change here.
 */
export const PLANNED_UI_LANGUAGES = ['en', 'de', 'ru', 'uk', 'be', 'pl', 'lv'] as const;
export { FALLBACK_LANGUAGE, pickLanguage } from '@twinspace/shared/languages';

/** Namespaces: one JSON file per namespace and language. */
export const NAMESPACES = [
  'common',
  'landing',
  'join',
  'board',
  'facilitator',
  'matchSprint',
  'openSpace',
  'topFive',
  'moderation',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * Strings only the server writes, which the client bundle never carries: the board preview
 * put into a board page's HTML before any script runs (server/src/http/preview/; the build
 * copies them to dist/preview-strings.json) and the exports' words (server/src/exports/,
 * read from this folder).
 */
export const SERVER_NAMESPACES = ['preview', 'exports'] as const;

/**
 * Strings of one kind of board: they download with that board's code (boards/loaders.ts),
 * so a phone on an Open Space board never loads Match & Sprint's strings, nor the reverse.
 */
export const BOARD_NAMESPACES = ['openSpace', 'matchSprint'] as const satisfies Namespace[];
export type BoardNamespace = (typeof BOARD_NAMESPACES)[number];
/**
 * Strings of what the device does on its own (offline outbox, a waiting app update, leaving a
 * board): shown only when that happens, so they download then (loadDeviceStrings). The
 * privacy screens' (a facilitator's boards, retention, deleting one's data: privacy/strings.ts);
 * `team`: the console's Team panel (client/src/team/), downloaded with it.
 */
/** And the event pages' strings (`events`), which download with those pages (events/strings.ts). */
export const LAZY_NAMESPACES = [
  'device',
  'privacy',
  // Polls and Q&A: with their views (boards/poll/strings.ts), after the board has painted.
  'polls',
  // Photos of paper results (boards/photos/strings.ts) and the facilitator's posters (print/).
  'photos',
  'print',
  'team',
  'events',
] as const;

/** Loaded before the first render, in one chunk per language. */
export type CoreNamespace = Exclude<Namespace, BoardNamespace>;
export const CORE_NAMESPACES = NAMESPACES.filter(
  (ns): ns is CoreNamespace => !(BOARD_NAMESPACES as readonly string[]).includes(ns),
);

/**
 * The interface languages in their own names: a browser's ICU data may lack one (Chromium
 * without Belarusian data said "Belarusian" in the language list).
 */
const OWN_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  de: 'Deutsch',
  ru: 'Русский',
  uk: 'Українська',
  be: 'Беларуская',
  pl: 'Polski',
  lv: 'Latviešu',
};

/** A language's own name ("Deutsch", "Українська"), from the browser: no strings to translate. */
export function languageName(code: string): string {
  const own = OWN_NAMES[code];
  if (own) return own;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/**
 * Language names in Belarusian: Chromium ships no Belarusian ICU data, so
 * Intl.DisplayNames(['be']) answers in English or with the bare code ("Арыгінал: de").
 */
const NAMES_IN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  be: {
    en: 'англійская',
    de: 'нямецкая',
    ru: 'руская',
    uk: 'украінская',
    be: 'беларуская',
    pl: 'польская',
    lv: 'латышская',
  },
};

/** The browser's name of a language in the viewer's language, or null when it has no data for the viewer. */
function browserNameIn(code: string, viewer: string): string | null {
  try {
    const names = new Intl.DisplayNames([viewer], { type: 'language', fallback: 'none' });
    const resolved = names.resolvedOptions().locale.split('-')[0];
    if (resolved !== viewer.split('-')[0]) return null;
    return names.of(code) ?? null;
  } catch {
    return null;
  }
}

/**
 * A language's name in the viewer's language ("німецька" for de, seen in Ukrainian); where
 * the browser lacks the viewer's language, our own names, else the language's own name
 * ("Deutsch"), never the bare code or English.
 */
export function languageNameIn(
  code: string,
  viewer: string,
  fromBrowser: (code: string, viewer: string) => string | null = browserNameIn,
): string {
  const named = fromBrowser(code, viewer);
  if (named) return named;
  return NAMES_IN[viewer.split('-')[0] ?? '']?.[code.split('-')[0] ?? ''] ?? languageName(code);
}

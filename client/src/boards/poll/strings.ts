import { namespaceLoader } from '../../i18n/namespaceLoader.ts';

/**
 * The `polls` strings (LAZY_NAMESPACES), one small chunk per language, loaded by the
 * plenary's views themselves: the glob lives in their chunk, not in every page's entry. A
 * language chosen later shows these views in it too.
 */
const strings = namespaceLoader(
  'polls',
  import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/polls.json', {
    import: 'default',
  }),
  { followSwitches: true },
);

/** Loads the strings in the current language and English; a language switch loads its own. */
export const loadPollStrings = strings.loadNow;

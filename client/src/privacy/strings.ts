import { namespaceLoader } from '../i18n/namespaceLoader.ts';

/**
 * The `privacy` namespace (LAZY_NAMESPACES): loaded with the privacy screens, not before; a
 * language switch loads its own.
 */
const strings = namespaceLoader(
  'privacy',
  import.meta.glob<Record<string, unknown>>('../i18n/locales/*/privacy.json', {
    import: 'default',
  }),
  { followSwitches: true },
);

/** The privacy strings in the interface language and the fallback (a switch loads its own). */
export const loadPrivacyStrings = strings.loadNow;

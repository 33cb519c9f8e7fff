import { namespaceLoader } from '../i18n/namespaceLoader.ts';

/** The `team` namespace (LAZY_NAMESPACES): one small chunk per language, with this panel. */
const teamStrings = namespaceLoader(
  'team',
  import.meta.glob<Record<string, unknown>>('../i18n/locales/*/team.json', { import: 'default' }),
);

/** Loads the team strings in the shown language (and English); true once they are here. */
export const useTeamStrings = teamStrings.useLoaded;

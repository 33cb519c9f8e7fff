import type { CoreNamespace } from '../languages.ts';

/**
 * What locales/<lang>/index.ts exports: the namespaces every page needs, in one language.
 * The boards' own namespaces (openSpace.json, matchSprint.json) load with their boards.
 */
export type LocaleBundle = Record<CoreNamespace, Record<string, unknown>>;

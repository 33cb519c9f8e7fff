import type { Namespace } from '../languages.ts';

/** What locales/<lang>/index.ts exports: every namespace of one language. */
export type LocaleBundle = Record<Namespace, Record<string, unknown>>;

import type en from './locales/en/index.ts';

// Typed keys: a typo in t('...') or a key missing from the English files fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}

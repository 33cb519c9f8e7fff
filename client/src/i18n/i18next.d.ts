import type en from './locales/en/index.ts';
import type matchSprint from './locales/en/matchSprint.json';
import type openSpace from './locales/en/openSpace.json';
import type preview from './locales/en/preview.json';
import type device from './locales/en/device.json';
import type privacy from './locales/en/privacy.json';
import type team from './locales/en/team.json';
import type events from './locales/en/events.json';
import type exports from './locales/en/exports.json';
import type polls from './locales/en/polls.json';
import type photos from './locales/en/photos.json';
import type print from './locales/en/print.json';

// Typed keys: a typo in t('...') or a key missing from the English files fails typecheck.
// The boards' namespaces are not in the core bundle (they load with their boards) but are
// typed all the same, and so are the server's namespaces (the preview and the exports).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en & {
      matchSprint: typeof matchSprint;
      openSpace: typeof openSpace;
      preview: typeof preview;
      device: typeof device;
      privacy: typeof privacy;
      team: typeof team;
      events: typeof events;
      exports: typeof exports;
      polls: typeof polls;
      photos: typeof photos;
      print: typeof print;
    };
  }
}

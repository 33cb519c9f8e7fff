import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { fromBuildFile } from '../build-file.ts';
import {
  FALLBACK_LANGUAGE,
  LANGUAGE_COOKIE,
  acceptedLanguages,
  pickLanguage,
} from '@twinspace/shared/languages';

type Resources = Record<string, Record<string, unknown>>;

export interface PreviewStrings {
  lang: string;
  t: TFunction<'preview'>;
}

/** The chosen language from the request's cookie header, if any. */
function cookieLanguage(cookie: string | undefined): string | null {
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE && value && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value))
      return value;
  }
  return null;
}

/**
 * The preview's strings (client/src/i18n/locales/<lang>/preview.json, which the client
 * build copies to dist/preview-strings.json), through i18next like every string a person
 * reads. Reloaded when a new build replaces the file.
 */
export function previewStrings(
  dist: string,
): (headers: {
  cookie?: string | undefined;
  'accept-language'?: string | undefined;
}) => PreviewStrings | null {
  const file = path.join(dist, 'preview-strings.json');
  const load = fromBuildFile(file, () => {
    const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Resources;
    const i18n = i18next.createInstance();
    void i18n.init({
      initAsync: false,
      resources: Object.fromEntries(Object.entries(all).map(([l, s]) => [l, { preview: s }])),
      fallbackLng: FALLBACK_LANGUAGE,
      ns: ['preview'],
      defaultNS: 'preview',
      // The renderer escapes every value it puts into the HTML, strings included.
      interpolation: { escapeValue: false },
    });
    return { languages: Object.keys(all), i18n };
  });
  return (headers) => {
    const strings = load();
    if (!strings) return null;
    const lang = pickLanguage(
      cookieLanguage(headers.cookie),
      acceptedLanguages(headers['accept-language']),
      strings.languages,
    );
    return { lang, t: strings.i18n.getFixedT(lang, 'preview') };
  };
}

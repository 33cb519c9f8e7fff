import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARD_KINDS } from '@twinspace/shared/boards/common';
import { BOARD_PHASES } from '@twinspace/shared/boards/index';
import { JOIN_ERRORS } from '@twinspace/shared/protocol';
import { REFUSAL_REASONS } from '@twinspace/shared/rules/model';
import {
  FALLBACK_LANGUAGE,
  LAZY_NAMESPACES,
  NAMESPACES,
  PLANNED_UI_LANGUAGES,
  SERVER_NAMESPACES,
} from './languages.ts';

const LOCALES = join(import.meta.dirname, 'locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const languages = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function strings(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const ns of [...NAMESPACES, ...SERVER_NAMESPACES, ...LAZY_NAMESPACES]) {
    const tree = JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Tree;
    for (const [key, value] of flatten(tree)) all.set(`${ns}:${key}`, value);
  }
  return all;
}

/** Keys without plural suffixes: languages differ in which plural forms they need. */
const baseKeys = (map: Map<string, string>): Set<string> =>
  new Set([...map.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

const reference = strings(FALLBACK_LANGUAGE);

describe('locales', () => {
  it('are exactly the seven planned UI languages', () => {
    expect([...languages].sort()).toEqual([...PLANNED_UI_LANGUAGES].sort());
  });

  it.each(languages)('%s has exactly the English keys', (lang) => {
    expect([...baseKeys(strings(lang))].sort()).toEqual([...baseKeys(reference)].sort());
  });

  it.each(languages)('%s has exactly the plural forms its grammar needs (CLDR)', (lang) => {
    const map = strings(lang);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plural = (keys: Iterable<string>): Set<string> =>
      new Set(
        [...keys].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
      );
    // A string English counts must be counted here too, in every category of this language...
    const bases = new Set([...plural(reference.keys()), ...plural(map.keys())]);
    for (const base of bases) {
      expect(map.has(base), `${lang} ${base} must not be a plain string`).toBe(false);
      for (const category of categories)
        expect(map.has(`${base}_${category}`), `${lang} ${base}_${category}`).toBe(true);
    }
    // ...and carry no form the language does not have (it would never be shown).
    for (const key of map.keys()) {
      const suffix = PLURAL_SUFFIX.exec(key)?.[1];
      if (suffix) expect(categories, `${lang} ${key}`).toContain(suffix);
    }
  });

  it.each(languages)('%s uses the same {{variables}} as English, and no empty strings', (lang) => {
    const map = strings(lang);
    for (const [key, text] of map) {
      expect(text.trim(), key).not.toBe('');
      const english =
        reference.get(key) ?? reference.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect(variables(text), key).toEqual(variables(english));
    }
  });

  it('name every refusal reason, join error, board kind and phase the protocol defines', () => {
    for (const reason of REFUSAL_REASONS)
      expect(reference.has(`common:refusal.${reason}`), reason).toBe(true);
    for (const error of JOIN_ERRORS)
      expect(reference.has(`join:errors.${error}`), error).toBe(true);
    for (const kind of BOARD_KINDS) {
      expect(reference.has(`common:kinds.${kind}`), kind).toBe(true);
      for (const phase of BOARD_PHASES[kind])
        expect(reference.has(`common:phases.${kind}.${phase}`), phase).toBe(true);
    }
  });

  it('give two buttons of one panel two different words', () => {
    // Top five: a new group's button said 'Choose' ('Выбрать', 'Wybierz', 'Izvēlēties'),
    // the very word of each point's pick button below it.
    for (const lang of languages) {
      const map = strings(lang);
      expect(map.get('topFive:group.use'), lang).not.toBe(map.get('topFive:pick'));
    }
  });

  it('address people one way in German and Latvian (Sie, jūs), as the boards do', () => {
    // A German phone read 'Sie sind auf der Seite von Dresden' above a poll's 'Wähle eine
    // Antwort. … kannst du sie ändern'; a Latvian one 'Jūs esat …' above 'Izvēlies vienu'.
    const informal: Record<string, RegExp> = {
      de: /(^|[^\p{L}])(du|dein\p{L}*|dich|dir|kannst|hast|bist|gib)(?=[^\p{L}]|$)/iu,
      lv: /(^|[^\p{L}])(tu|tav\p{L}*|tev|tevi|izvēlies|uzdod|vari)(?=[^\p{L}]|$)/iu,
    };
    for (const [lang, pattern] of Object.entries(informal)) {
      const found = [...strings(lang)].filter(([, text]) => pattern.test(text));
      expect(found, lang).toEqual([]);
    }
  });
});

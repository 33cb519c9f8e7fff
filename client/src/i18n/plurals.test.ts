import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, 'locales');
const load = (lang: string, ns: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;

/** i18next itself resolves the CLDR forms: the numbers a workshop really shows. */
describe('plural forms as i18next shows them', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    const resources: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const lang of ['en', 'de', 'ru', 'uk', 'be', 'pl', 'lv'])
      resources[lang] = { board: load(lang, 'board') };
    await i18n.init({ resources, lng: 'en', fallbackLng: false, defaultNS: 'board' });
  });
  // Untyped t: this instance holds only the board namespace, not the app's typed resources.
  const t = i18n.t as unknown as (key: string, options: object) => string;
  const count = (lng: string, n: number): string => t('cards.count', { lng, count: n });

  it.each([
    [
      'ru',
      [1, 2, 5, 21, 22, 25, 111],
      [
        '1 карточка',
        '2 карточки',
        '5 карточек',
        '21 карточка',
        '22 карточки',
        '25 карточек',
        '111 карточек',
      ],
    ],
    ['uk', [1, 3, 11, 41], ['1 картка', '3 картки', '11 карток', '41 картка']],
    ['be', [1, 4, 12, 31], ['1 картка', '4 карткі', '12 картак', '31 картка']],
    ['pl', [1, 2, 5, 22, 112], ['1 karta', '2 karty', '5 kart', '22 karty', '112 kart']],
    [
      'lv',
      [0, 1, 2, 21, 30],
      ['0 kartītes', '1 kartīte', '2 kartītes', '21 kartīte', '30 kartītes'],
    ],
    ['de', [1, 2], ['1 Karte', '2 Karten']],
  ] as const)('%s', (lng, numbers, expected) => {
    expect(numbers.map((n) => count(lng, n))).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { stems, suggestMatches, type SuggestCard } from './suggest.ts';

const card = (
  id: string,
  city: string,
  kind: SuggestCard['kind'],
  title: string,
  themes: string[] = [],
  description = '',
): SuggestCard => ({
  id,
  city,
  kind,
  title,
  description,
  themes,
});

const CARDS: SuggestCard[] = [
  card('minskNeed01', 'Minsk', 'need', 'Spaces for youth clubs', ['thYouth', 'thSpace']),
  card('dresPot0001', 'Dresden', 'potential', 'Jugendhaus Neustadt', ['thYouth', 'thSpace']),
  card('dresPot0002', 'Dresden', 'potential', 'Bike repair workshop', ['thMobil']),
  card('minskInt001', 'Minsk', 'interest', 'Urban gardening', ['thGreen']),
  card('dresInt0001', 'Dresden', 'interest', 'Gemeinschaftsgärten', ['thGreen']),
  card('dresIdea001', 'Dresden', 'idea', 'Youth exchange by bike', ['thYouth', 'thMobil']),
  card('minskPot001', 'Minsk', 'potential', 'Old tram depot', ['thSpace']),
  card('minskNeed02', 'Minsk', 'need', 'Funding for youth exchange'),
];

/** A seeded shuffle (mulberry32), so the order-independence check is repeatable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('suggestMatches', () => {
  it('matches one city’s need with another city’s potential by shared themes, with the reason', () => {
    const [first] = suggestMatches({ cards: CARDS });
    expect(first).toEqual({
      from: 'minskNeed01',
      to: 'dresPot0001',
      score: 20,
      reason: {
        kind: 'need-potential',
        fromCity: 'Minsk',
        toCity: 'Dresden',
        fromKind: 'need',
        toKind: 'potential',
        sharedThemes: ['thSpace', 'thYouth'],
        sharedWords: [],
      },
    });
  });

  it('pairs interests and ideas both cities share, never two cards of one city', () => {
    const all = suggestMatches({ cards: CARDS });
    const garden = all.find((s) => s.from === 'dresInt0001' && s.to === 'minskInt001');
    expect(garden?.reason).toMatchObject({ kind: 'shared', sharedThemes: ['thGreen'] });
    const cityOf = new Map(CARDS.map((c) => [c.id, c.city]));
    for (const s of all) expect(cityOf.get(s.from)).not.toBe(cityOf.get(s.to));
    // potential x potential and need x interest are not pairs.
    expect(
      all.find(
        (s) => [s.from, s.to].includes('minskPot001') && [s.from, s.to].includes('dresPot0001'),
      ),
    ).toBeUndefined();
  });

  it('is stable: the same input gives the same output, whatever the order of the cards', () => {
    const reference = suggestMatches({ cards: CARDS });
    expect(suggestMatches({ cards: CARDS })).toEqual(reference);
    for (let seed = 1; seed <= 50; seed++) {
      expect(suggestMatches({ cards: shuffled(CARDS, seed) })).toEqual(reference);
    }
  });

  it('orders by score, then by ids', () => {
    const all = suggestMatches({ cards: CARDS });
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1]!;
      const b = all[i]!;
      expect(
        a.score > b.score || (a.score === b.score && `${a.from} ${a.to}` < `${b.from} ${b.to}`),
      ).toBe(true);
    }
  });

  it('works across languages through translations (words), not only themes', () => {
    const cards = [
      card('deNeed00001', 'Dresden', 'need', 'Räume für Jugendclubs'),
      card('uaPot000001', 'Lviv', 'potential', 'Молодіжний центр у старому депо'),
    ];
    expect(suggestMatches({ cards })).toEqual([]);
    const translations = [
      { cardId: 'deNeed00001', title: 'Rooms for youth clubs', text: '' },
      { cardId: 'uaPot000001', title: 'Youth centre in the old depot', text: 'rooms for clubs' },
    ];
    const [found] = suggestMatches({ cards, translations });
    expect(found).toMatchObject({
      from: 'deNeed00001',
      to: 'uaPot000001',
      reason: { sharedThemes: [], sharedWords: ['clubs', 'rooms', 'youth'] },
    });
    expect(found!.score).toBeGreaterThan(3);
  });

  it('leaves out pairs that are linked already, in either direction', () => {
    const pair = (s: { from: string; to: string }) =>
      s.from === 'minskNeed01' && s.to === 'dresPot0001';
    // Unlinked, the pair is suggested: so its absence below is the link's doing.
    const all = suggestMatches({ cards: CARDS });
    expect(all.some(pair)).toBe(true);
    for (const links of [
      [{ from: 'dresPot0001', to: 'minskNeed01' }],
      [{ from: 'minskNeed01', to: 'dresPot0001' }],
    ]) {
      // That pair is left out, and only that pair.
      expect(suggestMatches({ cards: CARDS, links })).toEqual(all.filter((s) => !pair(s)));
    }
  });
});

describe('stems', () => {
  it('folds case and diacritics, drops short and stop words, cuts to 5 letters', () => {
    expect([...stems('Gärten, GARTEN and the Youths with youth').entries()].sort()).toEqual([
      ['garte', 'garten'],
      ['youth', 'youth'],
    ]);
  });
});

import type { CardKind } from './layout.ts';

/**
 * Match suggestions across cities: pure, deterministic, documented (docs/match-sprint.md).
 *
 * Pairs considered (cards of two different cities only):
 *   - need-potential: one city's `need` card and another city's `potential` card;
 *   - shared: two `interest`/`idea` cards (interest-interest, idea-idea, interest-idea).
 *
 * Score of a pair a, b:
 *   T = number of theme ids both cards carry (themes are shared entities with labels in
 *       several languages, so a German and a Ukrainian card on the same theme match);
 *   W = cosine similarity of the two cards' word-stem sets, in [0, 1]: |A ∩ B| / sqrt(|A|·|B|).
 *       A card's words are its title, description and every translation of it (so a
 *       translated card meets cards written in the translation's language); words are
 *       NFKD-folded, lower-cased, stripped of diacritics, at least 4 letters, not a stop
 *       word, and cut to their first 5 letters (a crude stem: "youth"/"youths").
 *   score = round1(K × (THEME_POINTS × T + WORD_POINTS × W)), K = 1 for need-potential, 0.8 for shared.
 * A pair is suggested when score >= MIN_SCORE, and never when the two cards are linked
 * already (in either direction, whatever the link's status).
 * Order: score descending, then `from` id, then `to` id (byte order): the same input gives
 * the same list whatever order the cards arrive in.
 */
export const SUGGEST = {
  THEME_POINTS: 10,
  WORD_POINTS: 10,
  SHARED_WEIGHT: 0.8,
  MIN_SCORE: 3,
  MIN_WORD_LENGTH: 4,
  STEM_LENGTH: 5,
  MAX_REASON_WORDS: 5,
} as const;

export interface SuggestCard {
  id: string;
  city: string;
  kind: CardKind;
  title: string;
  description?: string | undefined;
  themes: readonly string[];
}

export interface SuggestTranslation {
  cardId: string;
  title: string;
  text: string;
}

export interface SuggestInput {
  cards: readonly SuggestCard[];
  translations?: readonly SuggestTranslation[] | undefined;
  links?: readonly { from: string; to: string }[] | undefined;
}

export type SuggestionKind = 'need-potential' | 'shared';

/** Why a pair is suggested, structured so each screen renders it in its own language. */
export interface SuggestionReason {
  kind: SuggestionKind;
  fromCity: string;
  toCity: string;
  fromKind: CardKind;
  toKind: CardKind;
  /** Theme ids both cards carry, sorted. */
  sharedThemes: string[];
  /** A few words both cards use (the alphabetically first spelling of each shared stem). */
  sharedWords: string[];
}

export interface Suggestion {
  /** need-potential: the need card; shared: the smaller card id. */
  from: string;
  /** need-potential: the potential card; shared: the larger card id. */
  to: string;
  score: number;
  reason: SuggestionReason;
}

// Frequent short function words of the working languages that pass the length filter.
const STOP = new Set(
  (
    'with from that this have will they their there what when which would about into more ' +
    'also than them been were your some other over such only very could should ' +
    'eine einen einer eines oder sind wird werden auch dass nicht sich mehr sein unsere ' +
    'dies diese dieser durch noch beim ganz ' +
    'этот эта это который которые также более если когда чтобы между после ' +
    'цей ця це який також більш якщо коли щоби після ' +
    'oraz jest który która także przez tego jako'
  ).split(' '),
);

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** word stem -> the alphabetically first spelling seen (for the reason shown). */
export function stems(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if ([...word].length < SUGGEST.MIN_WORD_LENGTH || STOP.has(word)) continue;
    const stem = [...word].slice(0, SUGGEST.STEM_LENGTH).join('');
    const seen = out.get(stem);
    if (seen === undefined || word < seen) out.set(stem, word);
  }
  return out;
}

interface Prepared {
  card: SuggestCard;
  themes: Set<string>;
  words: Map<string, string>;
}

function prepare(input: SuggestInput): Prepared[] {
  const extra = new Map<string, string[]>();
  for (const t of input.translations ?? []) {
    const list = extra.get(t.cardId) ?? [];
    list.push(`${t.title} ${t.text}`);
    extra.set(t.cardId, list);
  }
  return [...input.cards]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((card) => {
      const texts = [card.title, card.description ?? '', ...(extra.get(card.id) ?? []).sort()];
      return { card, themes: new Set(card.themes), words: stems(texts.join(' ')) };
    });
}

function pairKind(a: CardKind, b: CardKind): SuggestionKind | 'need-first' | null {
  if (a === 'need' && b === 'potential') return 'need-potential';
  if (a === 'potential' && b === 'need') return 'need-first';
  const sharedKinds: readonly CardKind[] = ['interest', 'idea'];
  return sharedKinds.includes(a) && sharedKinds.includes(b) ? 'shared' : null;
}

function score(from: Prepared, to: Prepared, kind: SuggestionKind): Suggestion | null {
  const sharedThemes = [...from.themes].filter((t) => to.themes.has(t)).sort();
  const sharedStems = [...from.words.keys()].filter((s) => to.words.has(s)).sort();
  const denom = Math.sqrt(from.words.size * to.words.size);
  const w = denom === 0 ? 0 : sharedStems.length / denom;
  const weight = kind === 'need-potential' ? 1 : SUGGEST.SHARED_WEIGHT;
  const value = round1(
    weight * (SUGGEST.THEME_POINTS * sharedThemes.length + SUGGEST.WORD_POINTS * w),
  );
  if (value < SUGGEST.MIN_SCORE) return null;
  const sharedWords = sharedStems
    .map((s) => {
      const a = from.words.get(s) ?? s;
      const b = to.words.get(s) ?? s;
      return a < b ? a : b;
    })
    .sort()
    .slice(0, SUGGEST.MAX_REASON_WORDS);
  return {
    from: from.card.id,
    to: to.card.id,
    score: value,
    reason: {
      kind,
      fromCity: from.card.city,
      toCity: to.card.city,
      fromKind: from.card.kind,
      toKind: to.card.kind,
      sharedThemes,
      sharedWords,
    },
  };
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** All suggestions for the board, best first (see the header for the formula). */
export function suggestMatches(input: SuggestInput): Suggestion[] {
  const cards = prepare(input);
  const linked = new Set((input.links ?? []).map((l) => pairKey(l.from, l.to)));
  const out: Suggestion[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]!;
      const b = cards[j]!;
      if (a.card.city === b.card.city || linked.has(pairKey(a.card.id, b.card.id))) continue;
      const kind = pairKind(a.card.kind, b.card.kind);
      if (kind === null) continue;
      const found = kind === 'need-first' ? score(b, a, 'need-potential') : score(a, b, kind);
      if (found) out.push(found);
    }
  }
  return out.sort(
    (x, y) =>
      y.score - x.score ||
      (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0),
  );
}

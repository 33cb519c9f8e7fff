import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkAnswer,
  normalizeWord,
  scriptOf,
  shapeOptions,
  tallyChoices,
  wordSize,
} from './logic.ts';
import { POLL_LIMITS, POLL_ROOT } from './layout.ts';
import { readPolls, readPollStage } from './read.ts';

const choice = { kind: 'choice', options: ['a', 'b', 'c', 'd'], maxChoices: 2 } as const;
const scale = { kind: 'scale', options: ['1', '2', '3', '4'], maxChoices: 1 } as const;
const words = { kind: 'words', options: [], maxChoices: 1 } as const;
const open = { kind: 'open', options: [], maxChoices: 1 } as const;

describe('normalizeWord: the form a word cloud groups by', () => {
  it('folds case, punctuation, NFKC forms and spaces, in Latin and Cyrillic', () => {
    expect(normalizeWord('  Trust! ')).toBe('trust');
    expect(normalizeWord('TRUST')).toBe('trust');
    expect(normalizeWord('ｔｒｕｓｔ')).toBe('trust'); // full-width forms (NFKC)
    expect(normalizeWord('ﬁnance')).toBe('finance'); // the fi ligature (NFKC)
    expect(normalizeWord('«Довіра»')).toBe('довіра');
    expect(normalizeWord('ДОВЕРИЕ...')).toBe('доверие');
    expect(normalizeWord('open   space')).toBe('open space');
    expect(normalizeWord('!!!')).toBe('');
  });

  it('is idempotent and never keeps punctuation or case (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeWord(text);
        expect(normalizeWord(once)).toBe(once);
        expect(once).not.toMatch(/[\p{P}\p{S}]/u);
        expect(once).toBe(once.toLowerCase());
        expect(once).toBe(once.trim());
        expect(normalizeWord(text.toUpperCase() + '!')).toBe(normalizeWord(text.toUpperCase()));
      }),
    );
  });

  it('tells each script apart, so a cloud can show each language on its own', () => {
    expect(scriptOf('trust')).toBe('latin');
    expect(scriptOf('uzticība')).toBe('latin');
    expect(scriptOf('довіра')).toBe('cyrillic');
    expect(scriptOf('довер trust')).toBe('other');
    expect(scriptOf('2026')).toBe('other');
  });
});

describe('checkAnswer: the rules of each kind of poll', () => {
  it('multiple choice: 1..maxChoices distinct options that exist', () => {
    expect(checkAnswer(choice, { choices: [2, 0] })).toEqual({
      ok: true,
      answer: { choices: [0, 2], text: '' },
    });
    expect(checkAnswer(choice, { choices: [0, 1, 2] })).toMatchObject({
      ok: false,
      reason: 'too-many-choices',
    });
    expect(checkAnswer(choice, { choices: [4] })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(choice, { choices: [-1] })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(choice, { choices: [1, 1] })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(choice, { choices: [] })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(choice, { choices: [0], text: 'x' })).toMatchObject({
      reason: 'bad-option',
    });
  });

  it('rating scale: exactly one level', () => {
    expect(checkAnswer(scale, { choices: [3] })).toMatchObject({ ok: true });
    expect(checkAnswer(scale, { choices: [0, 1] })).toMatchObject({
      reason: 'too-many-choices',
    });
    expect(checkAnswer(scale, { choices: [4] })).toMatchObject({ reason: 'bad-option' });
  });

  it('word cloud and open answers: one text within the limit, no choices', () => {
    expect(checkAnswer(words, { text: '  Trust ' })).toEqual({
      ok: true,
      answer: { choices: [], text: 'Trust' },
    });
    expect(checkAnswer(words, { text: 'x'.repeat(POLL_LIMITS.word + 1) })).toMatchObject({
      reason: 'too-long',
    });
    expect(checkAnswer(words, { text: '?!' })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(words, { choices: [0] })).toMatchObject({ reason: 'bad-option' });
    expect(checkAnswer(open, { text: 'x'.repeat(POLL_LIMITS.open) })).toMatchObject({ ok: true });
    expect(checkAnswer(open, { text: 'x'.repeat(POLL_LIMITS.open + 1) })).toMatchObject({
      reason: 'too-long',
    });
    expect(checkAnswer(open, { text: '   ' })).toMatchObject({ reason: 'bad-option' });
  });

  it('accepts only answers that fit, and gives them back within bounds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 8 }), { maxLength: 6 }), (choices) => {
        const verdict = checkAnswer(choice, { choices });
        if (!verdict.ok) return;
        const got = verdict.answer.choices;
        expect(got.length).toBeGreaterThan(0);
        expect(got.length).toBeLessThanOrEqual(choice.maxChoices);
        expect(new Set(got).size).toBe(got.length);
        for (const c of got) expect(c >= 0 && c < choice.options.length).toBe(true);
      }),
    );
  });
});

describe('tallyChoices: an answer that replaces another moves the counts by the difference', () => {
  it('adds, replaces and never goes below zero', () => {
    expect(tallyChoices([], 3, null, [1])).toEqual([0, 1, 0]);
    expect(tallyChoices([0, 1, 0], 3, [1], [0, 2])).toEqual([1, 0, 1]);
    expect(tallyChoices([0, 0, 0], 3, [1], null)).toEqual([0, 0, 0]);
  });

  it('the counts always equal the answers of the people who answered last (property)', () => {
    const answers = fc.array(
      fc.record({
        who: fc.nat(4),
        choices: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(answers, (list) => {
        const last = new Map<number, number[]>();
        let counts: number[] = [];
        for (const a of list) {
          counts = tallyChoices(counts, 4, last.get(a.who) ?? null, a.choices);
          last.set(a.who, a.choices);
        }
        const expected = [0, 0, 0, 0];
        for (const c of last.values()) for (const i of c) expected[i] = (expected[i] ?? 0) + 1;
        expect(tallyChoices(counts, 4, null, null)).toEqual(expected);
      }),
    );
  });
});

describe('poll shapes and reading', () => {
  it('a poll is created with options that fit its kind', () => {
    expect(shapeOptions('choice', [' a ', 'b', ''])).toEqual(['a', 'b']);
    expect(shapeOptions('choice', ['a'])).toBeNull();
    expect(
      shapeOptions(
        'scale',
        Array.from({ length: 13 }, (_, i) => `${i}`),
      ),
    ).toBeNull();
    expect(shapeOptions('words', [])).toEqual([]);
    expect(shapeOptions('open', ['x'])).toBeNull();
  });

  it('sizes words from 1 to 5 by count', () => {
    expect(wordSize(1, 1)).toBe(3);
    expect(wordSize(1, 10)).toBe(1);
    expect(wordSize(10, 10)).toBe(5);
  });

  it('reads polls and ignores what does not fit', () => {
    const doc = new Y.Doc();
    const poll = new Y.Map<unknown>();
    poll.set('kind', 'scale');
    poll.set('question', 'Trust?');
    poll.set('options', ['low', 'high']);
    poll.set('state', 'open');
    poll.set('counts', [1, 'x']);
    poll.set('byCity', { Minsk: [1, 0] });
    doc.getMap(POLL_ROOT.polls).set('poll000001', poll);
    doc.getMap(POLL_ROOT.polls).set('junk', 'x' as never);
    doc.getMap(POLL_ROOT.stage).set('shown', 'poll000001');
    expect(readPolls(doc)).toMatchObject([
      { id: 'poll000001', kind: 'scale', counts: [1, 0], byCity: { Minsk: [1, 0] }, maxChoices: 1 },
    ]);
    expect(readPollStage(doc)).toBe('poll000001');
  });
});

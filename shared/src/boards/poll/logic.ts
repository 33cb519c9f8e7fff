import type { MyPollAnswer } from './commands.ts';
import { POLL_LIMITS, type PollKind } from './layout.ts';

/**
 * The rules of each kind of poll, pure, shared by the server (which decides) and the phone
 * (which offers only what the server would take).
 */

/** Scripts a word cloud can show on their own (`all` shows every word together). */
export const WORD_SCRIPTS = ['latin', 'cyrillic', 'other'] as const;
export type WordScript = (typeof WORD_SCRIPTS)[number];

/**
 * The form a word cloud groups answers by: Unicode NFKC (full-width and ligature forms
 * fold into plain ones), lower case, punctuation and symbols dropped, white space collapsed.
 * "Trust!", "TRUST" and "ｔｒｕｓｔ" are one word; "Довіра" and "довіра." too.
 */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The script a normalised word is written in, so a cloud can show each language's words apart. */
export function scriptOf(key: string): WordScript {
  const latin = /\p{Script=Latin}/u.test(key);
  const cyrillic = /\p{Script=Cyrillic}/u.test(key);
  if (cyrillic && !latin) return 'cyrillic';
  if (latin && !cyrillic) return 'latin';
  return 'other';
}

/** What a poll's rules need to judge an answer. */
export interface PollShape {
  kind: PollKind;
  options: readonly string[];
  maxChoices: number;
}

export type AnswerVerdict =
  | { ok: true; answer: MyPollAnswer }
  | { ok: false; reason: 'bad-option' | 'too-many-choices' | 'too-long'; message: string };

const bad = (
  reason: 'bad-option' | 'too-many-choices' | 'too-long',
  message: string,
): AnswerVerdict => ({ ok: false, reason, message });

/**
 * Judges one answer against its poll and gives it back clean (choices sorted, text
 * trimmed): multiple choice takes 1..maxChoices distinct options, a rating scale exactly
 * one level, a word cloud one short text that is more than punctuation, an open answer
 * one text; neither text kind takes choices, nor the others a text.
 */
export function checkAnswer(
  poll: PollShape,
  sent: { choices?: readonly number[] | undefined; text?: string | undefined },
): AnswerVerdict {
  const choices = [...new Set(sent.choices ?? [])].sort((a, b) => a - b);
  const text = (sent.text ?? '').trim();
  if (poll.kind === 'choice' || poll.kind === 'scale') {
    if (text) return bad('bad-option', 'this poll takes choices, not a text');
    if (choices.length === 0) return bad('bad-option', 'choose an option');
    if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length))
      return bad('bad-option', 'no such option');
    if (choices.length !== (sent.choices ?? []).length)
      return bad('bad-option', 'an option was chosen twice');
    const most = poll.kind === 'scale' ? 1 : poll.maxChoices;
    if (choices.length > most) return bad('too-many-choices', `at most ${most} choices`);
    return { ok: true, answer: { choices, text: '' } };
  }
  if (choices.length > 0) return bad('bad-option', 'this poll takes a text, not choices');
  const max = poll.kind === 'words' ? POLL_LIMITS.word : POLL_LIMITS.open;
  if (text.length > max) return bad('too-long', `at most ${max} characters`);
  if (!text || (poll.kind === 'words' && !normalizeWord(text)))
    return bad('bad-option', 'the answer is empty');
  return { ok: true, answer: { choices: [], text } };
}

/** Counts per option after one person's answer replaces their earlier one (or none). */
export function tallyChoices(
  counts: readonly number[],
  size: number,
  before: readonly number[] | null,
  after: readonly number[] | null,
): number[] {
  const next = Array.from({ length: size }, (_, i) => counts[i] ?? 0);
  for (const c of before ?? []) if (c < size) next[c] = Math.max(0, (next[c] ?? 0) - 1);
  for (const c of after ?? []) if (c < size) next[c] = (next[c] ?? 0) + 1;
  return next;
}

/** Options a poll of this kind is created with: a word cloud and open answers have none. */
export function shapeOptions(kind: PollKind, options: readonly string[]): string[] | null {
  const clean = options.map((o) => o.trim()).filter(Boolean);
  if (kind === 'words' || kind === 'open') return clean.length === 0 ? [] : null;
  if (clean.length < POLL_LIMITS.minOptions || clean.length > POLL_LIMITS.options) return null;
  return clean;
}

/** Word sizes for a cloud: from 1 (the rarest) to 5 (the most frequent), by count. */
export function wordSize(n: number, most: number): number {
  if (most <= 1) return 3;
  return 1 + Math.round((4 * Math.log(n)) / Math.log(most));
}

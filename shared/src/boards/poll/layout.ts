/**
 * Polls, a board feature any kind switches on (docs/polls-qa.md). The facilitator creates,
 * opens and closes each poll; participants answer by command (`poll-answer`). Who answered
 * what never enters the document in the clear: the server keeps each answer sealed
 * (AES-GCM, under an id derived by HMAC from the poll and the participant, so neither the
 * person nor their answer can be read from it) and writes only aggregates: counts per
 * option (and per city), the word cloud's words and the open answers' texts, without authors.
 */
export const POLL_ROOT = {
  /**
   * The polls: kind, question, options, maxChoices, state (draft, open, closed), respondents,
   * counts (per option), byCity (city -> counts), owner, createdAt.
   */
  polls: 'polls',
  /** One sealed answer per poll and participant: poll, sealed, createdAt. Unreadable to clients. */
  answers: 'pollAnswers',
  /** The word cloud: one entity per poll and normalised word: poll, key, text, n, script. */
  words: 'pollWords',
  /** The open answers, one entity each, without author: poll, text, createdAt. */
  texts: 'pollTexts',
  /** What the projector shows: `shown` is a poll id, or absent. */
  stage: 'pollStage',
} as const;

export const POLL_KINDS = ['choice', 'scale', 'words', 'open'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const POLL_STATES = ['draft', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

/** Limits: a poll's question, its options, and what one answer may hold. */
export const POLL_LIMITS = {
  question: 300,
  option: 120,
  /** Options of a multiple choice; levels of a rating scale. */
  options: 12,
  minOptions: 2,
  /** A word cloud's short answer. */
  word: 40,
  /** An open answer. */
  open: 500,
  /** Polls on one board. */
  polls: 100,
  /** Distinct words (and open answers) one poll keeps: a full room answering twice over. */
  entries: 2000,
} as const;

/** The words a word cloud or open answer may carry on the wire; the decision says `too-long` past the limit. */
export const POLL_WIRE_TEXT_MAX = 2000;

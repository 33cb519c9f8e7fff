/**
 * Questions for a plenary (Q&A), a board feature any kind switches on (docs/polls-qa.md).
 * Participants ask by command; the server writes an approved question into the document
 * without its author (only the name, unless asked anonymously), keeps who asked it sealed
 * (`qaSealed`), and keeps a question that waits for approval entirely sealed: its text is
 * readable only through `qa-private`, by the facilitator and its author. An upvote is an
 * entity whose id the server derives by HMAC from the question and the voter, so nobody
 * can tell who upvoted, and a second upvote finds the first.
 */
export const QA_ROOT = {
  /** Approved questions: text, name ('' when anonymous), votes, answered, createdAt. */
  questions: 'qaQuestions',
  /** Every question's sealed author (and text while it waits): sealed, pending, createdAt. */
  sealed: 'qaSealed',
  /** One entity per upvote (q: the question), under an id no client can link to the voter. */
  votes: 'qaVotes',
  /** requireApproval, wall (the projector shows Q&A), shown (one question on the wall). */
  settings: 'qaSettings',
} as const;

export const QA_LIMITS = {
  /** Longest question. */
  text: 280,
  /** Questions one person may ask on a board (withdrawn ones do not count). */
  perPerson: 5,
  /** Questions on one board. */
  total: 500,
  /** How many questions the projector lists. */
  wall: 6,
} as const;

/** What a question may carry on the wire; the decision says `too-long` past QA_LIMITS.text. */
export const QA_WIRE_TEXT_MAX = 2000;

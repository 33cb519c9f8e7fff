/**
 * Document layout of the Match & Sprint board (the Twin City Booster series). Cards
 * belong to a city (the owner's city, checked by the server); matches are confirmed by
 * the facilitator; projects, teams and tasks follow.
 */
export const MS_ROOT = {
  cities: 'cities',
  themes: 'themes',
  cards: 'msCards',
  links: 'links',
  projects: 'projects',
  tasks: 'tasks',
  sprints: 'sprints',
  reviews: 'reviews',
  settings: 'msSettings',
  votes: 'msVotes',
} as const;

/** Longest review text (characters), SPEC R17. */
export const REVIEW_TEXT_MAX = 5000;

export const CARD_KINDS = ['interest', 'potential', 'need', 'idea'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

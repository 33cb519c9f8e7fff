/**
 * Document layout of the Open Space board (root names; each part's rules are in parts.ts). Placement and vote
 * tallies are written by the server only: two people dropping on one cell, or a forged
 * vote, are arbitrated by commands (commands.ts), never by concurrent document writes.
 */
export const OS_ROOT = {
  topics: 'topics',
  slots: 'slots',
  spaces: 'spaces',
  settings: 'settings',
  ballots: 'ballots',
  actions: 'actions',
  stories: 'stories',
  contacts: 'contacts',
} as const;

/** Longest session notes (characters), SPEC R17. */
export const NOTES_MAX = 20_000;

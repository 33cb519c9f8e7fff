export const MATCH_SPRINT_PHASES = [
  'welcome',
  'prepare',
  'match',
  'sprint',
  'review',
  'closed',
] as const;

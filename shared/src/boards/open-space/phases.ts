export const OPEN_SPACE_PHASES = [
  'welcome',
  'marketplace',
  'voting',
  'agenda',
  'running',
  'harvest',
  'closed',
] as const;

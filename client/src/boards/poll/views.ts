/**
 * Every view of polls and Q&A in one lazy chunk: one dynamic entry instead of five keeps the
 * chunks a phone's board shares with them whole (each extra entry split them, and every
 * small chunk costs a phone's first load its own gzip overhead).
 */
export { loadPollStrings } from './strings.ts';
export { PollPanel } from './PollPanel.tsx';
export { PollWall } from './PollWall.tsx';
export { PlenaryConsole } from './PlenaryConsole.tsx';
export { Stage } from './Stage.tsx';
export { QaPanel } from '../qa/QaPanel.tsx';
export { QaWall } from '../qa/QaWall.tsx';

import { Suspense, lazy, type ReactNode } from 'react';
import { useShownPoll } from '../../state/pollStore.ts';
import { useQaSettings } from '../../state/qaStore.ts';
import { startQaBinding } from '../qa/binding.ts';
import { pollWall, qaWall } from '../loaders.ts';
import { startPollBinding } from './binding.ts';

startPollBinding();
startQaBinding();

const PollWall = lazy(pollWall);
const QaWall = lazy(qaWall);

/**
 * What the projector shows from the plenary features: the poll the facilitator shows, else
 * the Q&A wall when it is on, else the board's own wall (`children`). Both kinds' projectors
 * wrap their wall in it (docs/adding-a-board.md: one line per kind).
 */
export function PlenaryStage({ children }: { children: ReactNode }) {
  const poll = useShownPoll();
  const { wall } = useQaSettings();
  if (!poll && !wall) return <>{children}</>;
  return <Suspense fallback={null}>{poll ? <PollWall /> : <QaWall />}</Suspense>;
}

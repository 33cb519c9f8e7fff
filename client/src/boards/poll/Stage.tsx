import type { ReactNode } from 'react';
import { useShownPoll } from '../../state/pollStore.ts';
import { useQaSettings } from '../../state/qaStore.ts';
import { QaWall } from '../qa/QaWall.tsx';
import { PollWall } from './PollWall.tsx';

/**
 * What the projector shows from the plenary features: the poll the facilitator shows, else
 * the Q&A wall when it is on, else the board's own wall (`children`).
 */
export function Stage({ children }: { children: ReactNode }) {
  const poll = useShownPoll();
  const { wall } = useQaSettings();
  if (poll) return <PollWall />;
  return wall ? <QaWall /> : <>{children}</>;
}

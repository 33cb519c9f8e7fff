import { Suspense, lazy } from 'react';
import { plenaryConsole, pollPanel, qaPanel } from '../loaders.ts';

// Polls and Q&A download after the board has painted, with their strings (a phone's
// budget is 180 KB of JavaScript before the board shows).
const PollPanel = lazy(pollPanel);
const QaPanel = lazy(qaPanel);
const Console = lazy(plenaryConsole);

/** A phone's polls (open ones first, answerable) and questions for the plenary. */
export function Plenary() {
  return (
    <Suspense fallback={null}>
      <PollPanel />
      <QaPanel />
    </Suspense>
  );
}

/** The facilitator's polls and Q&A, in the console of either board kind. */
export function PlenaryControls() {
  return (
    <Suspense fallback={null}>
      <Console />
    </Suspense>
  );
}

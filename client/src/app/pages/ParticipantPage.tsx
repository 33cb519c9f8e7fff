import { lazy, Suspense } from 'react';
import { BoardGate } from '../BoardGate.tsx';
import { Page } from '../AppHeader.tsx';
import { BoardAnnouncements } from '../../boards/common/BoardAnnouncements.tsx';
import { CommonBoard } from '../../boards/common/CommonBoard.tsx';
import { MatchSprintOr } from '../../boards/match-sprint/MatchSprintOr.tsx';
import { OpenSpaceOr } from '../../boards/open-space/OpenSpaceOr.tsx';
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx';
import { PresenceSummary } from '../../components/PresenceSummary.tsx';
import { BoardHeading } from './BoardHeading.tsx';
import { preloadBoardChunks } from '../../boards/loaders.ts';

/** Below the board, and rarely used: loaded after the board, not before it shows. */
const LeaveBoard = lazy(() =>
  import('../../components/LeaveBoard.tsx').then((m) => ({ default: m.LeaveBoard })),
);

/** "Delete my data" (privacy/), with its strings: after the board, when scrolled to. */
const EraseMyData = lazy(() =>
  Promise.all([
    import('../../privacy/EraseMyData.tsx'),
    import('../../privacy/strings.ts').then((m) => m.loadPrivacyStrings()),
  ]).then(([m]) => ({ default: m.EraseMyData })),
);

/** /b/:code: a participant's phone. */
export default function ParticipantPage({ code }: { code: string }) {
  return (
    <BoardGate code={code} role="participant">
      <Page className="page--board">
        <BoardHeading />
        <BoardAnnouncements />
        <ConnectionNotice />
        <MatchSprintOr view="board">
          <OpenSpaceOr view="board">
            <CommonBoard />
          </OpenSpaceOr>
        </MatchSprintOr>
        <PresenceSummary />
        <Suspense fallback={null}>
          <LeaveBoard />
          <EraseMyData />
        </Suspense>
      </Page>
    </BoardGate>
  );
}

/** The entry script calls this once the board's kind is known (client/src/main.tsx). */
export const preloadBoard = (kind: string): void => preloadBoardChunks(kind, 'participant');

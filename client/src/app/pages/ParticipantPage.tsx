import { Suspense } from 'react';
import { lazy } from '../lazy.ts';
import { BoardGate } from '../BoardGate.tsx';
import { Page } from '../AppHeader.tsx';
import { BoardAnnouncements } from '../../boards/common/BoardAnnouncements.tsx';
import { CommonBoard } from '../../boards/common/CommonBoard.tsx';
import { MatchSprintOr } from '../../boards/match-sprint/MatchSprintOr.tsx';
import { OpenSpaceOr } from '../../boards/open-space/OpenSpaceOr.tsx';
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx';
import { PhotosWaiting } from '../../boards/photos/PhotosWaiting.tsx';
import { WhenIdle } from '../../components/WhenIdle.tsx';
import { PresenceSummary } from '../../components/PresenceSummary.tsx';
import { BoardHeading } from './BoardHeading.tsx';
import { preloadBoardChunks } from '../../boards/loaders.ts';

/**
 * Below the board, and rarely used: "leave this board" and "delete my data"
 * (privacy/BoardFoot.tsx), loaded after the board, not before it shows.
 */
const BoardFoot = lazy(() =>
  import('../../privacy/BoardFoot.tsx').then(async (m) => {
    await m.stringsLoaded;
    return { default: m.BoardFoot };
  }),
);

/** /b/:code: a participant's phone. */
export default function ParticipantPage({ code }: { code: string }) {
  return (
    <BoardGate code={code} role="participant">
      <Page className="page--board">
        <BoardHeading />
        <BoardAnnouncements />
        <ConnectionNotice />
        <PhotosWaiting />
        <MatchSprintOr view="board">
          <OpenSpaceOr view="board">
            <CommonBoard />
          </OpenSpaceOr>
        </MatchSprintOr>
        <WhenIdle>
          <PresenceSummary />
          <Suspense fallback={null}>
            <BoardFoot />
          </Suspense>
        </WhenIdle>
      </Page>
    </BoardGate>
  );
}

/** The entry script calls this once the board's kind is known (client/src/main.tsx). */
export const preloadBoard = (kind: string): void => preloadBoardChunks(kind, 'participant');

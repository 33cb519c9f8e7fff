import { BoardGate } from '../BoardGate.tsx';
import { Page } from '../AppHeader.tsx';
import { BoardAnnouncements } from '../../boards/common/BoardAnnouncements.tsx';
import { CommonBoard } from '../../boards/common/CommonBoard.tsx';
import { MatchSprintOr } from '../../boards/match-sprint/MatchSprintOr.tsx';
import { OpenSpaceOr } from '../../boards/open-space/OpenSpaceOr.tsx';
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx';
import { PhotosWaiting } from '../../boards/photos/PhotosWaiting.tsx';
import { BoardHeading } from './BoardHeading.tsx';
import { FacilitatorPanel } from './FacilitatorPanel.tsx';
import { preloadBoardChunks } from '../../boards/loaders.ts';

/** /b/:code/facilitate#key=TOKEN: the facilitator's laptop. */
export default function FacilitatorPage({ code }: { code: string }) {
  return (
    <BoardGate code={code} role="facilitator">
      <Page wide>
        <div className="facilitator-layout">
          <div className="facilitator-layout__board">
            <BoardHeading />
            <BoardAnnouncements />
            <ConnectionNotice />
            <PhotosWaiting />
            <MatchSprintOr view="board">
              <OpenSpaceOr view="board">
                <CommonBoard />
              </OpenSpaceOr>
            </MatchSprintOr>
          </div>
          <FacilitatorPanel />
        </div>
      </Page>
    </BoardGate>
  );
}

/** The entry script calls this once the board's kind is known (client/src/main.tsx). */
export const preloadBoard = (kind: string): void => preloadBoardChunks(kind, 'facilitator');

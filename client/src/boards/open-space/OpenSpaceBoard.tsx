import { Suspense } from 'react';
import { lazy } from '../../app/lazy.ts';
import { Loading } from '../../components/Loading.tsx';
import { boardChunks } from '../loaders.ts';
import { startOpenSpaceBinding } from './binding.ts';
import { startModerationBinding } from '../moderation/binding.ts';
import { ParticipantView } from './ParticipantView.tsx';
import { useAskMyBallot, useIsFacilitator } from './hooks.ts';
import { OsAnnouncements } from './translated.tsx';
import './styles/index.css';

startOpenSpaceBinding();
// Anonymous mode and approval queues change what the forms write (moderation).
startModerationBinding();

// Phones never download the console (BoardGate preloads it on the facilitator's route).
const FacilitatorConsole = lazy(boardChunks['open-space'].console);

/** The Open Space board on a phone or laptop: the participant's view or the facilitator's console. */
export default function OpenSpaceBoard() {
  const facilitator = useIsFacilitator();
  useAskMyBallot();
  return (
    <>
      <OsAnnouncements />
      {facilitator ? (
        <Suspense fallback={<Loading />}>
          <FacilitatorConsole />
        </Suspense>
      ) : (
        <ParticipantView />
      )}
    </>
  );
}

import { startOpenSpaceBinding } from './binding.ts';
import { FacilitatorConsole } from './FacilitatorConsole.tsx';
import { ParticipantView } from './ParticipantView.tsx';
import { useAskMyBallot, useIsFacilitator } from './hooks.ts';
import { OsAnnouncements } from './translated.tsx';
import '../../styles/open-space.css';

startOpenSpaceBinding();

/** The Open Space board on a phone or laptop: the participant's view or the facilitator's console. */
export default function OpenSpaceBoard() {
  const facilitator = useIsFacilitator();
  useAskMyBallot();
  return (
    <>
      <OsAnnouncements />
      {facilitator ? <FacilitatorConsole /> : <ParticipantView />}
    </>
  );
}

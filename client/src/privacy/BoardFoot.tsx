import { LeaveBoard } from '../components/LeaveBoard.tsx';
import { EraseMyData } from './EraseMyData.tsx';
import { loadPrivacyStrings } from './strings.ts';

/** The page shows this once its strings are here (loaded with this chunk). */
export const stringsLoaded = loadPrivacyStrings();

/** The foot of a participant's board: leave it on this device, or delete one's data. */
export function BoardFoot() {
  return (
    <>
      <LeaveBoard />
      <EraseMyData />
    </>
  );
}

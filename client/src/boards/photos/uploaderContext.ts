import { useEffect } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { BoardSession } from '../../sync/boardSession.ts';
import { useRole } from '../../state/sessionStore.ts';
import { PhotoUploader } from './uploader.ts';

interface Entry {
  uploader: PhotoUploader;
  users: number;
}
/** One uploader per board session, shared by every photo view of the page. */
const uploaders = new WeakMap<BoardSession, Entry>();

function entryFor(session: BoardSession): Entry {
  let entry = uploaders.get(session);
  if (!entry) {
    entry = { uploader: new PhotoUploader(session), users: 0 };
    uploaders.set(session, entry);
  }
  return entry;
}

/** One more view needs the uploader running; the returned release stops it after the last. */
function retain(session: BoardSession): () => void {
  const entry = entryFor(session);
  if (entry.users++ === 0) entry.uploader.start();
  return () => {
    if (--entry.users === 0) entry.uploader.stop();
  };
}

/**
 * This board's uploader (none on a projector, which adds nothing). It sends while any photo
 * view of the board is on screen; what waits stays on the device and goes the next time.
 */
export function useUploader(): PhotoUploader | null {
  const session = useSession();
  const projector = useRole() === 'projector';
  useEffect(() => (projector ? undefined : retain(session)), [projector, session]);
  return projector ? null : entryFor(session).uploader;
}

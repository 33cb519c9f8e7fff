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
 * Keeps this board's uploader sending while `active` (never on a projector, which adds
 * nothing): the photo views hold it while on screen, and the board's waiting-photos notice
 * (PhotosWaiting.tsx) while the device's queue holds a photo for the board, so a photo added
 * offline goes when the network is back even after its view has closed.
 */
export function useKeepUploading(active: boolean): void {
  const session = useSession();
  const projector = useRole() === 'projector';
  useEffect(
    () => (active && !projector ? retain(session) : undefined),
    [active, projector, session],
  );
}

/** This board's uploader, for a photo view (none on a projector); sending while it is mounted. */
export function useUploader(): PhotoUploader | null {
  const session = useSession();
  const projector = useRole() === 'projector';
  useKeepUploading(true);
  return projector ? null : entryFor(session).uploader;
}

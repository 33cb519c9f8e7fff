import { useEffect, useState } from 'react';
import { useSession } from '../../app/sessionContext.ts';
import type { BoardSession } from '../../sync/boardSession.ts';
import { useRole } from '../../state/sessionStore.ts';
import { PhotoUploader } from './uploader.ts';

/** One uploader per board session, shared by every photo view of the page. */
const uploaders = new WeakMap<BoardSession, { uploader: PhotoUploader; users: number }>();

/** This board's uploader (none on a projector, which adds nothing). */
export function useUploader(): PhotoUploader | null {
  const session = useSession();
  const role = useRole();
  const [uploader, setUploader] = useState<PhotoUploader | null>(null);
  useEffect(() => {
    if (role === 'projector') return;
    let entry = uploaders.get(session);
    if (!entry) uploaders.set(session, (entry = { uploader: new PhotoUploader(session), users: 0 }));
    entry.users++;
    setUploader(entry.uploader);
    return () => {
      entry.users--;
      if (entry.users > 0) return;
      entry.uploader.stop();
      uploaders.delete(session);
    };
  }, [session, role]);
  return uploader;
}

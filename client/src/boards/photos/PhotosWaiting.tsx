import { Suspense, useEffect, useState } from 'react';
import { lazy } from '../../app/lazy.ts';
import { useSession } from '../../app/sessionContext.ts';
import { usePendingPhotos } from '../../state/photosStore.ts';
import { useRole } from '../../state/sessionStore.ts';
import { queuedFor } from './queue.ts';
import type { QueueCount } from './WaitingNotice.tsx';

// The notice (and the uploader it keeps running) come with the photo views' chunk: a board
// whose device holds no photo downloads neither. Photos.tsx re-exports it so that both share
// one file instead of splitting the uploader into a chunk of its own (one more round trip).
const WaitingNotice = lazy(() =>
  import('./Photos.tsx').then((m) => ({ default: m.WaitingNotice })),
);

/**
 * How many of this board's photos wait in the device's queue, and how many were refused. Read
 * on opening the board and again whenever the uploader publishes the queue (after each add,
 * send, refusal or dismissal), so the count follows what happened without polling.
 */
function useQueueCount(code: string): QueueCount | null {
  const pending = usePendingPhotos();
  const [count, setCount] = useState<QueueCount | null>(null);
  useEffect(() => {
    let live = true;
    queuedFor(code).then(
      (queued) => {
        const failed = queued.filter((p) => p.failed).length;
        if (live) setCount({ waiting: queued.length - failed, failed });
      },
      // No IndexedDB (a private window of some browsers): nothing can wait either.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code, pending]);
  return count;
}

/**
 * On every board page but the projector's: while this device holds photos for the board, says
 * so and keeps sending them, whichever view is on screen (docs/photos.md). Without it a photo
 * added offline went only once a photo view was opened again, and never if none was.
 */
export function PhotosWaiting() {
  const session = useSession();
  const projector = useRole() === 'projector';
  const count = useQueueCount(session.code);
  if (projector || !count || count.waiting + count.failed === 0) return null;
  return (
    <Suspense fallback={null}>
      <WaitingNotice waiting={count.waiting} failed={count.failed} />
    </Suspense>
  );
}

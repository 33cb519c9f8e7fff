import { useAnnounceChange } from '../../components/Announcer.tsx';
import { usePhotoStrings } from './strings.ts';
import { useKeepUploading } from './uploaderContext.ts';

/** This board's photos in the device's queue: still to be sent, and refused by the server. */
export interface QueueCount {
  waiting: number;
  failed: number;
}

/**
 * The board's line about photos still on this device (PhotosWaiting.tsx decides when it shows).
 * While one waits to be sent it holds the uploader, which sends as soon as the device is
 * online; a refused one needs the person (its reason and "Dismiss" are beside it).
 */
export function WaitingNotice({ waiting, failed }: QueueCount) {
  useKeepUploading(waiting > 0);
  const t = usePhotoStrings();
  const failedText = t && failed > 0 ? t('queue.failed', { count: failed }) : null;
  // A refusal can come after the person left the photo's view: a screen reader hears it too.
  useAnnounceChange(String(failed), failedText, 'photos-failed');
  if (!t) return null;
  return (
    <div className="photos-waiting" data-testid="photos-waiting">
      {waiting > 0 ? (
        <p data-testid="photos-waiting-count" data-count={waiting}>
          {t('queue.waiting', { count: waiting })}
        </p>
      ) : null}
      {failedText ? (
        <p className="photos-waiting__failed" data-testid="photos-failed-count" data-count={failed}>
          {failedText}
        </p>
      ) : null}
    </div>
  );
}

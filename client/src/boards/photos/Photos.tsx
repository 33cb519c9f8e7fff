import { useId, useMemo, useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import type { Photo } from '@twinspace/shared/boards/photos/layout';
import { photosOf } from '@twinspace/shared/boards/photos/read';
import { removePhoto } from '@twinspace/shared/boards/photos/write';
import { useEdit } from '../common/useEdit.ts';
import { useRole } from '../../state/sessionStore.ts';
import { usePendingPhotos, usePhotos, type PendingPhoto } from '../../state/photosStore.ts';
import { startPhotoBinding } from './binding.ts';
import { usePhotoUrl } from './readKey.ts';
import { shrinkPhoto } from './shrink.ts';
import { usePhotoStrings } from './strings.ts';
import { useUploader } from './uploaderContext.ts';
import { usePhotoAccess } from './access.ts';
import { CaptionEditor } from './CaptionEditor.tsx';

startPhotoBinding();

interface PhotosProps {
  /** The part and the entity id (or Top five group) the photos are attached to. */
  part: string;
  refId: string;
  /** What they are attached to, in words, for the images' alternative text. */
  label: string;
  /** Offer "Add a photo" (phones and the facilitator; never the projector). */
  canAdd?: boolean;
  /** On the wall: bigger, for the back of the room. */
  wall?: boolean;
}

/**
 * The photos of paper results attached to one thing (a session, a story, a card, a
 * project, a Top five group): live from the document, with this device's photos that are
 * still waiting to be uploaded, and a camera button. docs/photos.md.
 */
export function Photos({ part, refId, label, canAdd = true, wall = false }: PhotosProps) {
  const t = usePhotoStrings();
  const all = usePhotos();
  const photos = useMemo(() => photosOf(all, part, refId), [all, part, refId]);
  const pending = usePendingPhotos().filter((p) => p.part === part && p.ref === refId);
  const role = useRole();
  const adding = canAdd && role !== 'projector';
  if (!t || (!adding && photos.length === 0)) return null;
  return (
    <section
      className={`photos${wall ? ' photos--wall' : ''}`}
      aria-label={t('heading', { target: label })}
      data-testid="photos"
    >
      {photos.length + pending.length > 0 ? (
        <ul className="photos__list">
          {photos.map((photo, i) => (
            <AttachedPhoto
              key={photo.id}
              photo={photo}
              alt={t('alt', { n: i + 1, target: label })}
              t={t}
            />
          ))}
          {pending.map((p) => (
            <WaitingPhoto key={p.key} photo={p} t={t} />
          ))}
        </ul>
      ) : null}
      {adding ? <AddPhoto part={part} refId={refId} t={t} /> : null}
    </section>
  );
}

function AttachedPhoto({ photo, alt, t }: { photo: Photo; alt: string; t: TFunction<'photos'> }) {
  const url = usePhotoUrl();
  const may = usePhotoAccess();
  const edit = useEdit();
  const [editing, setEditing] = useState(false);
  return (
    <li
      className={`photos__item${editing ? ' is-editing' : ''}`}
      data-testid="photo"
      data-photo={photo.id}
    >
      {url ? (
        <a href={url(photo.id)} target="_blank" rel="noopener">
          <img
            src={url(photo.id)}
            alt={photo.caption || alt}
            width={photo.width}
            height={photo.height}
            loading="lazy"
            decoding="async"
          />
        </a>
      ) : (
        <span className="photos__placeholder" role="img" aria-label={alt} />
      )}
      {editing ? (
        <CaptionEditor photo={photo} t={t} onDone={() => setEditing(false)} />
      ) : photo.caption ? (
        <span className="photos__caption" data-testid="photo-caption">
          {photo.caption}
        </span>
      ) : null}
      {may(photo.owner, 'caption') && !editing ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setEditing(true)}
          data-testid="photo-caption-edit"
        >
          {t(photo.caption ? 'caption.edit' : 'caption.add')}
        </button>
      ) : null}
      {may(photo.owner, 'remove') && !editing ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => edit((doc) => removePhoto(doc, photo.id))}
          data-testid="photo-remove"
        >
          {t('remove')}
        </button>
      ) : null}
    </li>
  );
}

function WaitingPhoto({ photo, t }: { photo: PendingPhoto; t: TFunction<'photos'> }) {
  const uploader = useUploader();
  const reason = photo.failed;
  return (
    <li
      className={`photos__item photos__item--pending${reason ? ' is-failed' : ''}`}
      data-testid="photo-pending"
    >
      <img src={photo.preview} alt="" />
      <span className="photos__status" role="status">
        {reason ? t(`failed.${failedKey(reason)}`) : t('waiting')}
      </span>
      {reason ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => void uploader?.dismiss(photo.key)}
        >
          {t('dismiss')}
        </button>
      ) : null}
    </li>
  );
}

const FAILURES = [
  'not-an-image',
  'too-large',
  'too-many-pixels',
  'person-full',
  'board-full',
  'store-full',
  'bad-target',
] as const;
const failedKey = (reason: string): (typeof FAILURES)[number] | 'other' =>
  (FAILURES as readonly string[]).includes(reason)
    ? (reason as (typeof FAILURES)[number])
    : 'other';

function AddPhoto({ part, refId, t }: { part: string; refId: string; t: TFunction<'photos'> }) {
  const uploader = useUploader();
  const id = useId();
  const [state, setState] = useState<'idle' | 'preparing' | 'unreadable'>('idle');
  const pick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!uploader || files.length === 0) return;
    setState('preparing');
    try {
      for (const file of files) await uploader.add(part, refId, await shrinkPhoto(file));
      setState('idle');
    } catch {
      setState('unreadable');
    }
  };
  const disabled = !uploader || state === 'preparing';
  return (
    <div className="photos__add">
      {/* Two inputs: `capture` opens the camera at once, the other the gallery (a photo taken earlier). */}
      <input
        id={`${id}-camera`}
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        onChange={(e) => void pick(e)}
        disabled={disabled}
        data-testid="photo-camera"
      />
      <label htmlFor={`${id}-camera`} className="button button--small photos__pick">
        {t('camera')}
      </label>
      <input
        id={`${id}-gallery`}
        type="file"
        accept="image/*"
        multiple
        className="visually-hidden"
        onChange={(e) => void pick(e)}
        disabled={disabled}
        data-testid="photo-input"
      />
      <label htmlFor={`${id}-gallery`} className="button button--small button--quiet photos__pick">
        {t('gallery')}
      </label>
      {state !== 'idle' ? (
        <span className="photos__status" role="status">
          {t(state === 'preparing' ? 'preparing' : 'unreadable')}
        </span>
      ) : null}
    </div>
  );
}

// The board-level notice of waiting photos loads with this chunk (PhotosWaiting.tsx).
export { WaitingNotice } from './WaitingNotice.tsx';

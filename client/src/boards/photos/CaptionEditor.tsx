import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { PHOTO_LIMITS, type Photo } from '@twinspace/shared/boards/photos/layout';
import { setPhotoCaption } from '@twinspace/shared/boards/photos/write';
import { useEdit } from '../common/useEdit.ts';

/**
 * Writes a photo's caption (its owner or the facilitator: usePhotoAccess decides who sees
 * it). The caption is the image's alternative text too, and the harvest's figure caption.
 * Enter saves, Escape cancels; an empty caption takes it away.
 */
export function CaptionEditor({
  photo,
  t,
  onDone,
}: {
  photo: Photo;
  t: TFunction<'photos'>;
  onDone: () => void;
}) {
  const edit = useEdit();
  const id = useId();
  const [draft, setDraft] = useState(photo.caption);
  const save = (event: FormEvent): void => {
    event.preventDefault();
    edit((doc) => void setPhotoCaption(doc, photo.id, draft));
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') onDone();
  };
  return (
    <form className="photos__caption-editor" onSubmit={save} data-testid="photo-caption-form">
      <label htmlFor={id}>{t('caption.label')}</label>
      <input
        id={id}
        type="text"
        value={draft}
        maxLength={PHOTO_LIMITS.caption}
        autoFocus
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="photo-caption-input"
      />
      <span id={`${id}-hint`} className="photos__status">
        {t('caption.hint', { max: PHOTO_LIMITS.caption })}
      </span>
      <div className="photos__caption-actions">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="photo-caption-save"
        >
          {t('caption.save')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onDone}>
          {t('caption.cancel')}
        </button>
      </div>
    </form>
  );
}

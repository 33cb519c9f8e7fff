import { PHOTO_ROOT } from '@twinspace/shared/boards/photos/layout';
import { readPhotos } from '@twinspace/shared/boards/photos/read';
import { photoActions, type PhotoParts } from '../../state/photosStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<PhotoParts> = {
  photos: { root: PHOTO_ROOT.photos, read: readPhotos },
};

/** Called by the views; the document's photos are mirrored once. */
export const startPhotoBinding = partsBinding(READERS, (key, value) =>
  photoActions().setPart(key, value),
);

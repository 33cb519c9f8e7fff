import * as Y from 'yjs';
import { PHOTO_ROOT } from './layout.ts';

/** The uploader's caption (the gate lets only them, and the facilitator, write it). */
export function setPhotoCaption(doc: Y.Doc, id: string, caption: string): void {
  const entity = doc.getMap<unknown>(PHOTO_ROOT.photos).get(id);
  if (entity instanceof Y.Map) entity.set('caption', caption);
}

/** Takes a photo off the board; the server then deletes its bytes. */
export function removePhoto(doc: Y.Doc, id: string): void {
  doc.getMap<unknown>(PHOTO_ROOT.photos).delete(id);
}

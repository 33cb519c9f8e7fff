import * as Y from 'yjs';
import { PHOTO_LIMITS, PHOTO_ROOT } from './layout.ts';

/** Takes a photo off the board; the server then deletes its bytes. */
export function removePhoto(doc: Y.Doc, id: string): void {
  doc.getMap<unknown>(PHOTO_ROOT.photos).delete(id);
}

/**
 * Writes a photo's caption (its owner or the facilitator may: parts.ts), trimmed and cut to
 * PHOTO_LIMITS.caption so the server's check never refuses it for its length. False when the
 * photo is no longer on the board.
 */
export function setPhotoCaption(doc: Y.Doc, id: string, caption: string): boolean {
  const entity = doc.getMap<unknown>(PHOTO_ROOT.photos).get(id);
  if (!(entity instanceof Y.Map)) return false;
  const text = caption.trim().slice(0, PHOTO_LIMITS.caption);
  // An unchanged caption sends no update at all.
  if (entity.get('caption') !== text) entity.set('caption', text);
  return true;
}

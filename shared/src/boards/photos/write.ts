import type * as Y from 'yjs';
import { PHOTO_ROOT } from './layout.ts';

/** Takes a photo off the board; the server then deletes its bytes. */
export function removePhoto(doc: Y.Doc, id: string): void {
  doc.getMap<unknown>(PHOTO_ROOT.photos).delete(id);
}

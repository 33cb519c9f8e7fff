import * as Y from 'yjs';
import { PHOTO_ROOT, PHOTO_TYPES, type Photo, type PhotoType } from './layout.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Every photo on the board, oldest first. */
export function readPhotos(doc: Y.Doc): Photo[] {
  const out: Photo[] = [];
  for (const [id, entity] of doc.getMap<unknown>(PHOTO_ROOT.photos)) {
    if (!(entity instanceof Y.Map)) continue;
    const type = str(entity.get('type'));
    if (!(PHOTO_TYPES as readonly string[]).includes(type)) continue;
    out.push({
      id,
      owner: str(entity.get('owner')),
      createdAt: num(entity.get('createdAt')),
      part: str(entity.get('part')),
      ref: str(entity.get('ref')),
      type: type as PhotoType,
      width: num(entity.get('width')),
      height: num(entity.get('height')),
      caption: str(entity.get('caption')),
    });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The photos attached to one entity (or Top five group). */
export const photosOf = (photos: readonly Photo[], part: string, ref: string): Photo[] =>
  photos.filter((p) => p.part === part && p.ref === ref);

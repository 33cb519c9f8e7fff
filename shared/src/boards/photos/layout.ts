import type { BoardKind } from '../common.ts';

/**
 * Photos of paper results (flipcharts, sticky notes) attached to a part of the board. The
 * image bytes live in the store (server/src/photos/); the document holds one entity per
 * photo, written by the server once the bytes are stored, so nobody sees an attachment the
 * store does not have and nobody can attach an image they did not upload. docs/photos.md.
 */
export const PHOTO_ROOT = { photos: 'photos' } as const;

/** The image types the server accepts (checked by content, never by the declared type). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_LIMITS = {
  /** Largest upload: a 1600 px JPEG of a flipchart is 200-600 KB; a phone that skipped shrinking is refused. */
  bytes: 3 * 1024 * 1024,
  /** Photos one person may have on one board. */
  perPerson: 20,
  /** Photos one board may hold. */
  perBoard: 300,
  /** Uploads one person may send per minute. */
  perMinute: 10,
  /** The long side the device shrinks a photo to. */
  longSide: 1600,
  /** Longest caption (characters). */
  caption: 200,
} as const;

/**
 * What a photo may be attached to, per board kind: a collection part whose entity must
 * exist, or Top five, whose groups are not entities (the reference is the group's name).
 */
// The root names are written out, not imported from the kinds' layouts: this module goes to
// phones with the photo views, and importing those layouts split them into chunks of their
// own on every board route (layout.test.ts checks the names against the layouts).
export const PHOTO_TARGETS: Readonly<Record<BoardKind, readonly string[]>> = {
  'open-space': ['topics', 'stories', 'tfPoints'],
  'match-sprint': ['msCards', 'projects', 'tfPoints'],
};

/** Parts whose reference is a group name rather than an entity id (Top five's points). */
export const PHOTO_GROUP_TARGETS: readonly string[] = ['tfPoints'];

/** One photo as the screens and exports read it. */
export interface Photo {
  id: string;
  owner: string;
  createdAt: number;
  /** The part it is attached to and the entity id (or Top five group name) there. */
  part: string;
  ref: string;
  type: PhotoType;
  width: number;
  height: number;
  caption: string;
}

/** The file name of a photo in exports (zip folder, Markdown links). */
export const photoFileName = (photo: Pick<Photo, 'id' | 'type'>): string =>
  `${photo.id}.${photo.type === 'image/jpeg' ? 'jpg' : photo.type.slice('image/'.length)}`;

/** Where photos are uploaded (POST, with `?part=&ref=`). */
export const photosPath = (code: string): string =>
  `/api/boards/${encodeURIComponent(code)}/photos`;

/** The path under which the server serves a photo (plus `?k=<read key>`). */
export const photoPath = (code: string, id: string): string =>
  `${photosPath(code)}/${encodeURIComponent(id)}`;

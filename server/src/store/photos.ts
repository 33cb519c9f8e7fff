import type { PhotoType } from '@twinspace/shared/boards/photos/layout';

/** One stored photo's facts (the bytes travel beside it). */
export interface PhotoRecord {
  board: string;
  id: string;
  /** The uploader's participant id (the facilitator's id for the facilitator). */
  owner: string;
  type: PhotoType;
  size: number;
  createdAt: number;
}

/** How much may be stored; checked atomically with the write (docs/photos.md). */
export interface PhotoCaps {
  perPerson: number;
  perBoard: number;
  boardBytes: number;
  totalBytes: number;
}

/** `person-full` and `board-full`: counts or a board's bytes; `store-full`: the whole store. */
export type PhotoPut = 'ok' | 'person-full' | 'board-full' | 'store-full' | 'no-board';

/**
 * Where photos' bytes live: a SQLite table in the embedded store, Redis hashes when scaled
 * out (so every process serves every photo). `Store.deleteBoard` removes a board's photos
 * with the rest of it.
 */
export interface PhotoStore {
  put(record: PhotoRecord, bytes: Uint8Array, caps: PhotoCaps): Promise<PhotoPut>;
  get(board: string, id: string): Promise<{ record: PhotoRecord; bytes: Uint8Array } | null>;
  list(board: string): Promise<PhotoRecord[]>;
  remove(board: string, id: string): Promise<void>;
  /** Bytes stored for all boards (the total cap, metrics). */
  totalBytes(): Promise<number>;
}

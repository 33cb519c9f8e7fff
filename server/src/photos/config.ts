import { PHOTO_LIMITS } from '@twinspace/shared/boards/photos/layout';
import type { PhotoCaps } from '../store/photos.ts';

function bytesFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a number of bytes`);
  return n;
}

/**
 * What the photo store may hold (docs/photos.md): the counts are the shared PHOTO_LIMITS;
 * the bytes per board (PHOTOS_BOARD_BYTES) and in all (PHOTOS_TOTAL_BYTES) come from the
 * environment, sized to the disk or, scaled out, to Redis's memory.
 */
export function photoCapsFrom(env: NodeJS.ProcessEnv): PhotoCaps {
  return {
    perPerson: PHOTO_LIMITS.perPerson,
    perBoard: PHOTO_LIMITS.perBoard,
    boardBytes: bytesFrom(env.PHOTOS_BOARD_BYTES, 128 * 1024 * 1024, 'PHOTOS_BOARD_BYTES'),
    totalBytes: bytesFrom(env.PHOTOS_TOTAL_BYTES, 1024 * 1024 * 1024, 'PHOTOS_TOTAL_BYTES'),
  };
}

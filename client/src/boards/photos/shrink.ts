import { PHOTO_LIMITS } from '@twinspace/shared/boards/photos/layout';

/** JPEG at this quality: a 1600 px flipchart photo is about 200-400 KB, text still sharp. */
const QUALITY = 0.82;

/**
 * Shrinks a photo to PHOTO_LIMITS.longSide on its long side and encodes it again as JPEG,
 * on the device, before anything leaves it. Drawing the pixels onto a canvas and encoding
 * them anew keeps nothing of the file but the picture: no EXIF, no GPS position, no camera
 * serial. The photo is turned upright first (EXIF orientation), since that tag goes too.
 */
export async function shrinkPhoto(
  file: Blob,
  longSide: number = PHOTO_LIMITS.longSide,
): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas on this device');
  // A transparent PNG (a screenshot) would turn black as JPEG: paper is white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', QUALITY),
  );
  if (!blob) throw new Error('the photo could not be encoded');
  return blob;
}

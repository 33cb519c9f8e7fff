import { describe, expect, it } from 'vitest';
import {
  GPS_MARK,
  JPEG,
  WEBP,
  includes,
  jpegWithGps,
  png,
  pngChunk,
  webpWithExif,
} from '../../test/photo-fixtures.ts';
import { cleanImage, sniff } from './image.ts';

const clean = (bytes: Uint8Array) => {
  const out = cleanImage(bytes);
  if (!out.ok) throw new Error(out.reason);
  return out.image;
};

describe('cleanImage: the type by content, the file rebuilt without metadata', () => {
  it('reads the three types and their sizes', () => {
    expect(clean(JPEG)).toMatchObject({ type: 'image/jpeg', width: 64, height: 48 });
    expect(clean(png(32, 24))).toMatchObject({ type: 'image/png', width: 32, height: 24 });
    expect(clean(WEBP)).toMatchObject({ type: 'image/webp', width: 64, height: 48 });
  });

  it('keeps a clean file byte for byte', () => {
    expect(clean(JPEG).bytes).toEqual(JPEG);
    const p = png();
    expect(clean(p).bytes).toEqual(p);
  });

  it('drops EXIF/GPS (JPEG APP1), PNG text and eXIf, WebP EXIF', () => {
    const jpeg = clean(jpegWithGps());
    expect(includes(jpeg.bytes, GPS_MARK)).toBe(false);
    expect(jpeg.bytes).toEqual(JPEG);
    const withText = png(8, 8, [
      pngChunk('tEXt', Buffer.from('Comment\x00secret')),
      pngChunk('eXIf', GPS_MARK),
    ]);
    expect(clean(withText).bytes).toEqual(png(8, 8));
    const webp = clean(webpWithExif());
    expect(includes(webp.bytes, GPS_MARK)).toBe(false);
    expect(webp.bytes).toEqual(WEBP);
  });

  it('cuts whatever follows the image end (polyglots)', () => {
    const tail = Buffer.from('<script>alert(1)</script>');
    expect(clean(new Uint8Array(Buffer.concat([JPEG, tail]))).bytes).toEqual(JPEG);
    expect(clean(new Uint8Array(Buffer.concat([png(), tail]))).bytes).toEqual(png());
  });

  it('refuses what is not one, or is broken, or too many pixels', () => {
    expect(sniff(Buffer.from('<svg/>'))).toBeNull();
    for (const bad of [
      '\x89PNG\r\n\x1a\n<html>',
      '\xff\xd8\xff\xe1\x00\x10Exif',
      'RIFF\x04\x00\x00\x00WEBP',
      'GIF89a',
    ])
      expect(cleanImage(Buffer.from(bad, 'latin1'))).toEqual({ ok: false, reason: 'not-an-image' });
    expect(cleanImage(png(9000, 1))).toEqual({ ok: false, reason: 'too-many-pixels' });
    expect(cleanImage(JPEG.subarray(0, JPEG.length - 40))).toEqual({
      ok: false,
      reason: 'not-an-image',
    });
  });
});

import fs from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Real image bytes for the photo tests: a PNG made here (zlib and CRC, as any encoder
 * writes it), and a JPEG and a WebP encoded by Chromium's canvas (fixtures/, 64x48, a few
 * hundred bytes each), with what hostile or careless clients add to them.
 */
const fixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

export const JPEG = fixture('photo.jpg');
export const WEBP = fixture('photo.webp');

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A real RGB PNG of `width` x `height`, with extra chunks before the image data. */
export function png(width = 32, height = 24, extra: Buffer[] = []): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      pngChunk('IHDR', header),
      ...extra,
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** 50.4501 N (Kyiv) as EXIF rationals: what must never leave the server. */
export const GPS_MARK = Buffer.from([0, 0, 0, 50, 0, 0, 0, 1, 0, 0, 0, 27, 0, 0, 0, 1]);

/**
 * The JPEG with an APP1 EXIF segment right after SOI: a TIFF header, IFD0 with a GPSInfo
 * pointer, and a GPS IFD with the latitude (as a phone camera writes it).
 */
export function jpegWithGps(jpeg: Uint8Array = JPEG): Uint8Array {
  const tiff = Buffer.concat([
    Buffer.from('MM\x00\x2a\x00\x00\x00\x08', 'latin1'),
    // IFD0: one entry, GPSInfo (0x8825) LONG 1 -> offset 26
    Buffer.from([0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]),
    // GPS IFD: GPSLatitudeRef 'N', GPSLatitude 3 RATIONAL at offset 56
    Buffer.from([
      0, 2, 0, 1, 0, 2, 0, 0, 0, 2, 0x4e, 0, 0, 0, 0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56, 0, 0, 0, 0,
    ]),
    GPS_MARK,
    Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\x00\x00', 'latin1'), tiff]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1]),
    Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
}

/** A WebP with an EXIF chunk (holding the GPS mark) appended inside its RIFF. */
export function webpWithExif(webp: Uint8Array = WEBP): Uint8Array {
  const exif = Buffer.concat([Buffer.from('EXIF', 'latin1'), Buffer.alloc(4), GPS_MARK]);
  exif.writeUInt32LE(GPS_MARK.length, 4);
  const body = Buffer.concat([Buffer.from(webp.subarray(12)), exif]);
  const header = Buffer.from(webp.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return new Uint8Array(Buffer.concat([header, body]));
}

export const includes = (haystack: Uint8Array, needle: Uint8Array | string): boolean =>
  Buffer.from(haystack).includes(
    typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle),
  );

import { crc32 } from 'node:zlib';
import type { PhotoType } from '@twinspace/shared/boards/photos/layout';

/**
 * Reads an uploaded image by its bytes, never by what the client declared: the type from
 * the magic bytes, then the whole file walked segment by segment (JPEG), chunk by chunk
 * (PNG, with CRCs; WebP's RIFF), rebuilt with only what a viewer needs. Metadata goes
 * (EXIF with GPS, XMP, comments, PNG text), and so does anything after the image's end,
 * where polyglots hide HTML or scripts. Nothing is decoded: no pixel ever runs through a
 * codec on the server. A file that does not walk cleanly is not an image we serve.
 */
export interface CleanImage {
  type: PhotoType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export type ImageVerdict =
  { ok: true; image: CleanImage } | { ok: false; reason: 'not-an-image' | 'too-many-pixels' };

/** A phone's photo shrunk to 1600 px fits easily; this only stops pixel bombs for viewers. */
const MAX_SIDE = 8000;
const MAX_PIXELS = 40_000_000;

class Malformed extends Error {}

const u16be = (b: Uint8Array, at: number): number => {
  if (at + 2 > b.length) throw new Malformed('truncated');
  return (b[at]! << 8) | b[at + 1]!;
};
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 65536 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number): number => {
  if (at + 4 > b.length) throw new Malformed('truncated');
  return b[at]! + b[at + 1]! * 256 + b[at + 2]! * 65536 + b[at + 3]! * 16777216;
};
const ascii = (b: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...b.subarray(at, at + n));

export function sniff(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** Checks and cleans an upload; see the module comment. */
export function cleanImage(bytes: Uint8Array): ImageVerdict {
  const type = sniff(bytes);
  if (!type) return { ok: false, reason: 'not-an-image' };
  let image: CleanImage;
  try {
    if (type === 'image/jpeg') image = cleanJpeg(bytes);
    else if (type === 'image/png') image = cleanPng(bytes);
    else image = cleanWebp(bytes);
  } catch {
    return { ok: false, reason: 'not-an-image' };
  }
  if (image.width < 1 || image.height < 1) return { ok: false, reason: 'not-an-image' };
  if (Math.max(image.width, image.height) > MAX_SIDE || image.width * image.height > MAX_PIXELS)
    return { ok: false, reason: 'too-many-pixels' };
  return { ok: true, image };
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Start-of-frame markers (C0-CF except DHT C4, JPG C8, DAC CC): they carry the size. */
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(m);
/** APP0 (JFIF), APP2 (ICC profile: colours) and APP14 (Adobe: colour transform) stay. */
const KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

function cleanJpeg(b: Uint8Array): CleanImage {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  let width = 0;
  let height = 0;
  let frames = 0;
  for (;;) {
    if (b[at] !== 0xff) throw new Malformed('expected a marker');
    while (b[at + 1] === 0xff) at++; // fill bytes
    const marker = b[at + 1];
    if (marker === undefined) throw new Malformed('truncated');
    if (marker === 0xd9) {
      parts.push(b.subarray(at, at + 2)); // EOI: whatever follows is dropped
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) throw new Malformed('segment past the end');
    if (isSof(marker)) {
      // Decoders size the image by the first frame header: a second would hide a pixel bomb.
      if (frames++ > 0) throw new Malformed('a second frame header');
      height = u16be(b, at + 5);
      width = u16be(b, at + 7);
    }
    const metadata = (marker >= 0xe0 && marker <= 0xef && !KEEP_APP.has(marker)) || marker === 0xfe;
    const iccOrKept = marker !== 0xe2 || ascii(b, at + 4, 12) === 'ICC_PROFILE\0';
    if (!metadata && iccOrKept) parts.push(b.subarray(at, end));
    at = end;
    if (marker === 0xda) {
      const scanEnd = entropyEnd(b, at);
      parts.push(b.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
  if (width === 0) throw new Malformed('no frame');
  return { type: 'image/jpeg', width, height, bytes: concat(parts) };
}

/** The end of a scan's entropy-coded data: the next marker that is not stuffing or a restart. */
function entropyEnd(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length - 1; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  throw new Malformed('scan without an end');
}

/** Chunks a viewer needs; text (tEXt, zTXt, iTXt), eXIf, tIME and anything unknown go. */
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'bKGD',
  'pHYs',
]);

function cleanPng(b: Uint8Array): CleanImage {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  for (;;) {
    const length = u32be(b, at);
    const end = at + 12 + length;
    if (end > b.length) throw new Malformed('chunk past the end');
    const type = ascii(b, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new Malformed('bad chunk type');
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== u32be(b, at + 8 + length))
      throw new Malformed('bad CRC');
    if ((at === 8) !== (type === 'IHDR')) throw new Malformed('one IHDR, first');
    if (type === 'IHDR') {
      width = u32be(b, at + 8);
      height = u32be(b, at + 12);
    }
    if (type === 'IDAT') sawData = true;
    if (PNG_KEEP.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') break; // whatever follows is dropped
  }
  if (!sawData) throw new Malformed('no image data');
  return { type: 'image/png', width, height, bytes: concat(parts) };
}

/** Chunks a viewer needs; EXIF, XMP and unknown chunks go. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);

function cleanWebp(b: Uint8Array): CleanImage {
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length || riffEnd < 12) throw new Malformed('RIFF size');
  const chunks: Uint8Array[] = [];
  let at = 12;
  let size: { width: number; height: number } | null = null;
  while (at < riffEnd) {
    const fourcc = ascii(b, at, 4);
    const length = u32le(b, at + 4);
    const end = at + 8 + length + (length % 2);
    if (at + 8 + length > riffEnd) throw new Malformed('chunk past the end');
    if (WEBP_KEEP.has(fourcc)) {
      const chunk = b.slice(at, Math.min(end, riffEnd));
      if (fourcc === 'VP8X') chunk[8] = chunk[8]! & ~0x0c; // no EXIF (0x08) nor XMP (0x04) any more
      size ??= webpSize(fourcc, b, at + 8);
      chunks.push(chunk);
    }
    at = end;
  }
  if (!size || !chunks.some((c) => ['VP8 ', 'VP8L', 'ANMF'].includes(ascii(c, 0, 4))))
    throw new Malformed('no image data');
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set([0x52, 0x49, 0x46, 0x46]); // RIFF
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  header.set([0x57, 0x45, 0x42, 0x50], 8); // WEBP
  return { type: 'image/webp', ...size, bytes: concat([header, body]) };
}

function webpSize(
  fourcc: string,
  b: Uint8Array,
  data: number,
): { width: number; height: number } | null {
  const u24 = (at: number): number => u32le(b, at) & 0xffffff;
  if (fourcc === 'VP8X') return { width: u24(data + 4) + 1, height: u24(data + 7) + 1 };
  if (fourcc === 'VP8 ') {
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a)
      throw new Malformed('VP8 start code');
    return { width: u32le(b, data + 6) & 0x3fff, height: (u32le(b, data + 8) & 0x3fff) >>> 0 };
  }
  if (fourcc === 'VP8L') {
    if (b[data] !== 0x2f) throw new Malformed('VP8L signature');
    const bits = u32le(b, data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

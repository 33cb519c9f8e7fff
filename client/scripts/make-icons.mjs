// Writes the app's PNG icons (client/public/icons/) with no image library: the favicon's
// mark (two cards on a blue tile) drawn into RGBA pixels and encoded as PNG by hand.
// Run: node client/scripts/make-icons.mjs (the PNGs are committed; rerun after a change).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '../public/icons');
const BLUE = [0x2a, 0x50, 0xc8];
const PAPER = [0xf5, 0xf3, 0xee];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const inRoundRect = (x, y, x0, y0, w, h, r) => {
  if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
  const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
  const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** The 32-unit favicon, scaled; `maskable` fills the whole square (safe zone: the middle 80%). */
function mark(maskable) {
  return (u, v) => {
    const x = u * 32;
    const y = v * 32;
    const tile = maskable || inRoundRect(x, y, 0, 0, 32, 32, 8);
    if (!tile) return [0, 0, 0, 0];
    if (inRoundRect(x, y, 7, 9, 8, 14, 2)) return [...PAPER, 255];
    if (inRoundRect(x, y, 17, 9, 8, 14, 2))
      return [...PAPER.map((c, i) => Math.round(c * 0.7 + BLUE[i] * 0.3)), 255];
    return [...BLUE, 255];
  };
}
fs.mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  fs.writeFileSync(path.join(OUT, `icon-${size}.png`), png(size, mark(false)));
  fs.writeFileSync(path.join(OUT, `maskable-${size}.png`), png(size, mark(true)));
}
fs.writeFileSync(path.join(OUT, 'apple-touch-icon.png'), png(180, mark(true)));
console.log(`icons written to ${OUT}`);

// A participant's photo is judged by its bytes (SPEC R30): the size a viewer's decoder would
// allocate is the one checked, however the file is put together.
import { describe, expect, it } from 'vitest';
import { createEntity, OS_ROOT } from '@twinspace/shared';
import { controlSocket, eventually, joinOver } from './harness.ts';
import { openSpace, part } from './open-space-helpers.ts';
import { JPEG, png, pngChunk } from './photo-fixtures.ts';

/** The JPEG's first start-of-frame segment (SOF0/SOF2): where it starts and ends. */
function firstSof(jpeg: Uint8Array): { at: number; end: number } {
  for (let at = 2; at < jpeg.length;) {
    const marker = jpeg[at + 1]!;
    const end = at + 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
    if (marker === 0xc0 || marker === 0xc2) return { at, end };
    at = end;
  }
  throw new Error('no SOF in the fixture');
}

/**
 * A JPEG whose first frame header (the one decoders read before the scan) says 30000 x 30000,
 * with a second, honest one (64 x 48) after the scan: a pixel bomb for the phones that show it.
 */
export function jpegWithTwoFrames(): Uint8Array {
  const { at, end } = firstSof(JPEG);
  const honest = Buffer.from(JPEG.subarray(at, end));
  const bomb = Buffer.from(honest);
  bomb.writeUInt16BE(30_000, 5);
  bomb.writeUInt16BE(30_000, 7);
  const eoi = JPEG.length - 2;
  return new Uint8Array(
    Buffer.concat([
      JPEG.subarray(0, at),
      bomb,
      JPEG.subarray(end, eoi),
      honest,
      JPEG.subarray(eoi),
    ]),
  );
}

/** A PNG whose header says 20000 x 20000, with a second, small header after the data. */
export function pngWithTwoHeaders(): Uint8Array {
  const small = Buffer.from(png(32, 24));
  const header = (w: number, h: number): Buffer => {
    const data = Buffer.alloc(13);
    data.writeUInt32BE(w, 0);
    data.writeUInt32BE(h, 4);
    data.set([8, 2, 0, 0, 0], 8);
    return pngChunk('IHDR', data);
  };
  const ihdrEnd = 8 + 25;
  const iend = small.length - 12;
  return new Uint8Array(
    Buffer.concat([
      small.subarray(0, 8),
      header(20_000, 20_000),
      small.subarray(ihdrEnd, iend),
      header(32, 24),
      small.subarray(iend),
    ]),
  );
}

describe('photos: the pixels a viewer would decode (SPEC R30)', () => {
  it('a second frame or image header cannot hide the size of the first: 415, nothing stored', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    createEntity(part(ana, OS_ROOT.topics), 'topic00001', ana.participantId, { title: 'T' });
    await eventually(() => expect(part(os.facilitator, OS_ROOT.topics).size).toBe(1));
    const joined = await joinOver(controlSocket(os.server.url), {
      code: os.board.code,
      role: 'participant',
      name: 'Eve',
    });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    for (const body of [jpegWithTwoFrames(), pngWithTwoHeaders()]) {
      const res = await fetch(
        `${os.server.url}/api/boards/${os.board.code}/photos?part=${OS_ROOT.topics}&ref=topic00001`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${joined.ticket}` },
          body: Buffer.from(body),
        },
      );
      expect({ status: res.status, body: (await res.json()) as unknown }).toMatchObject({
        status: 415,
        body: { reason: 'not-an-image' },
      });
    }
    expect(os.facilitator.doc.getMap('photos').size).toBe(0);
  });
});

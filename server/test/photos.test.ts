import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createEntity, EV, OS_ROOT, type CreateBoardResponse, type Role } from '@twinspace/shared';
import { PHOTO_LIMITS, PHOTO_ROOT } from '@twinspace/shared/boards/photos/layout';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import { removePhoto, setPhotoCaption } from '@twinspace/shared/boards/photos/write';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  fetchExport,
  joinOver,
  startServer,
  tempDir,
} from './harness.ts';
import { openSpace, part, send } from './open-space-helpers.ts';
import { createLink, revokeLink } from './team-helpers.ts';
import {
  GPS_MARK,
  JPEG,
  WEBP,
  includes,
  jpegWithGps,
  png,
  pngChunk,
  webpWithExif,
} from './photo-fixtures.ts';

/** A join ticket for this board and role, as a phone or the projector holds it. */
async function ticketFor(
  url: string,
  code: string,
  role: Role = 'participant',
  name = 'Ana',
): Promise<string> {
  const result = await joinOver(controlSocket(url), {
    code,
    role,
    ...(role === 'projector' ? {} : { name }),
  });
  if (result.type !== 'joined') throw new Error(result.reason);
  return result.ticket;
}

const upload = (
  url: string,
  code: string,
  body: Uint8Array | string,
  opts: { credential?: string | null; type?: string; part?: string; ref?: string } = {},
) =>
  fetch(
    `${url}/api/boards/${code}/photos?part=${opts.part ?? OS_ROOT.topics}&ref=${encodeURIComponent(opts.ref ?? 'topic00001')}`,
    {
      method: 'POST',
      headers: {
        'content-type': opts.type ?? 'image/jpeg',
        ...(opts.credential ? { authorization: `Bearer ${opts.credential}` } : {}),
      },
      body: typeof body === 'string' ? body : Buffer.from(body),
    },
  );

/** An Open Space board in the running phase with one placed session, topic00001. */
async function session() {
  const os = await openSpace({ phase: 'marketplace' });
  const ana = await os.join('Ana');
  createEntity(part(ana, OS_ROOT.topics), 'topic00001', ana.participantId, {
    title: 'Youth exchange',
    convener: 'Ana',
  });
  await eventually(() => expect(part(os.facilitator, OS_ROOT.topics).size).toBe(1));
  const ticket = await ticketFor(os.server.url, os.board.code);
  return { ...os, ana, ticket, url: os.server.url, code: os.board.code };
}

const photoCount = (board: { facilitator: { doc: import('yjs').Doc } }): number =>
  board.facilitator.doc.getMap(PHOTO_ROOT.photos).size;

describe('photos: POST /api/boards/:code/photos', () => {
  it('stores a real JPEG, PNG and WebP, attaches each live, and serves it with its type', async () => {
    const s = await session();
    for (const [bytes, type] of [
      [JPEG, 'image/jpeg'],
      [png(), 'image/png'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await upload(s.url, s.code, bytes, { credential: s.ticket, type });
      expect(res.status).toBe(201);
      const { id, url } = (await res.json()) as { id: string; url: string };
      await eventually(() =>
        expect(part(s.ana, PHOTO_ROOT.photos).get(id)?.get('ref')).toBe('topic00001'),
      );
      expect(part(s.ana, PHOTO_ROOT.photos).get(id)?.get('type')).toBe(type);
      const got = await fetch(`${s.url}${url}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(type);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('cache-control')).toContain('private');
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(
      part(s.ana, PHOTO_ROOT.photos)
        .get([...part(s.ana, PHOTO_ROOT.photos).keys()][1]!)
        ?.get('width'),
    ).toBe(32);
  });

  it('refuses what is not a JPEG, PNG or WebP by its content, whatever its declared type (415)', async () => {
    const s = await session();
    const forged = [
      ['\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>', 'image/png'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/jpeg'],
      ['GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'image/gif'],
      ['\xff\xd8\xff\xe0<html>not a jpeg</html>', 'image/jpeg'],
    ] as const;
    for (const [body, type] of forged) {
      const res = await upload(s.url, s.code, Buffer.from(body, 'latin1'), {
        credential: s.ticket,
        type,
      });
      expect(res.status, body).toBe(415);
      expect(await res.json()).toMatchObject({ reason: 'not-an-image' });
    }
    // A PNG whose chunk was changed after its CRC was computed.
    const tampered = png();
    tampered[40] = tampered[40]! ^ 0xff;
    expect(
      (await upload(s.url, s.code, tampered, { credential: s.ticket, type: 'image/png' })).status,
    ).toBe(415);
    expect(photoCount(s)).toBe(0);
  });

  it('serves a polyglot (HTML after the image end) without what followed the image', async () => {
    const s = await session();
    const tail = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const res = await upload(s.url, s.code, Buffer.concat([Buffer.from(JPEG), tail]), {
      credential: s.ticket,
    });
    expect(res.status).toBe(201);
    const got = new Uint8Array(
      await (await fetch(`${s.url}${((await res.json()) as { url: string }).url}`)).arrayBuffer(),
    );
    expect(includes(got, '<script>')).toBe(false);
    expect([...got.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('strips EXIF with the GPS position from a JPEG, PNG text chunks and WebP EXIF', async () => {
    const s = await session();
    const sent = [
      jpegWithGps(),
      png(16, 16, [
        pngChunk('tEXt', Buffer.from('GPS\x0050.45 N, 30.52 E', 'latin1')),
        pngChunk('eXIf', GPS_MARK),
      ]),
      webpWithExif(),
    ];
    for (const bytes of sent) {
      expect(includes(bytes, GPS_MARK) || includes(bytes, '50.45 N')).toBe(true);
      const res = await upload(s.url, s.code, bytes, {
        credential: s.ticket,
        type: 'application/octet-stream',
      });
      expect(res.status).toBe(201);
      const got = new Uint8Array(
        await (await fetch(`${s.url}${((await res.json()) as { url: string }).url}`)).arrayBuffer(),
      );
      expect(includes(got, GPS_MARK)).toBe(false);
      expect(includes(got, '50.45 N')).toBe(false);
      expect(includes(got, 'Exif\x00\x00')).toBe(false);
    }
  });

  it('answers 413 over the size limit, 401 without a credential, 403 to a projector, 401 to another board', async () => {
    const s = await session();
    const big = new Uint8Array(PHOTO_LIMITS.bytes + 1);
    big.set(JPEG.subarray(0, 3));
    expect((await upload(s.url, s.code, big, { credential: s.ticket })).status).toBe(413);
    expect((await upload(s.url, s.code, JPEG, { credential: null })).status).toBe(401);
    expect((await upload(s.url, s.code, JPEG, { credential: 'forged.ticket' })).status).toBe(401);
    const projector = await ticketFor(s.url, s.code, 'projector');
    expect((await upload(s.url, s.code, JPEG, { credential: projector })).status).toBe(403);
    const other: CreateBoardResponse = await createBoard(s.url);
    const otherTicket = await ticketFor(s.url, other.code);
    expect((await upload(s.url, s.code, JPEG, { credential: otherTicket })).status).toBe(401);
    // A target that does not exist, or a part photos do not attach to.
    expect(
      (await upload(s.url, s.code, JPEG, { credential: s.ticket, ref: 'nosuchtopic' })).status,
    ).toBe(400);
    expect(
      (
        await upload(s.url, s.code, JPEG, {
          credential: s.ticket,
          part: 'people',
          ref: s.ana.participantId,
        })
      ).status,
    ).toBe(400);
    expect(photoCount(s)).toBe(0);
  });

  it('reads need a credential: no key, another board key, a projector ticket', async () => {
    const s = await session();
    const res = await upload(s.url, s.code, JPEG, { credential: s.ticket });
    const { id, url } = (await res.json()) as { id: string; url: string };
    const bare = `${s.url}/api/boards/${s.code}/photos/${id}`;
    expect((await fetch(bare)).status).toBe(401);
    const other = await createBoard(s.url);
    const keyRes = await fetch(`${s.url}/api/boards/${other.code}/photos/key`, {
      headers: { authorization: `Bearer ${other.facilitatorToken}` },
    });
    const otherKey = ((await keyRes.json()) as { key: string }).key;
    expect((await fetch(`${bare}?k=${otherKey}`)).status).toBe(401);
    expect((await fetch(`${s.url}${url}`)).status).toBe(200);
    const projector = await ticketFor(s.url, s.code, 'projector');
    expect((await fetch(bare, { headers: { authorization: `Bearer ${projector}` } })).status).toBe(
      200,
    );
    // Taken off the board (by its owner or the facilitator): no longer served.
    await eventually(() => expect(part(s.facilitator, PHOTO_ROOT.photos).has(id)).toBe(true));
    removePhoto(s.facilitator.doc, id);
    await eventually(async () => expect((await fetch(`${s.url}${url}`)).status).toBe(404));
  });

  it('a ticket that no longer stands (removed, erased, a revoked link) uploads and reads nothing; a link token uploads (R23, R29, R35)', async () => {
    const s = await session();
    const key = (credential: string) =>
      fetch(`${s.url}/api/boards/${s.code}/photos/key`, {
        headers: { authorization: `Bearer ${credential}` },
      });
    const joinAs = async (name: string) => {
      const socket = controlSocket(s.url);
      const joined = await joinOver(socket, { code: s.code, role: 'participant', name });
      if (joined.type !== 'joined') throw new Error(joined.reason);
      return { ...joined, socket };
    };
    const [mallory, eve] = [await joinAs('Mallory'), await joinAs('Eve')];
    const removed = mallory.ticket;
    const remove = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
    expect(await send(s.facilitator, { ...remove, content: 'keep' })).toEqual({ type: 'ok' });
    const erase = { type: 'erase-my-data', content: 'keep', confirm: true } as const;
    expect(await eve.socket.timeout(5000).emitWithAck(EV.command, erase)).toEqual({ type: 'ok' });
    const link = await createLink(s.url, s.code, s.board.facilitatorToken, 'Ola', 'co-host');
    expect((await upload(s.url, s.code, JPEG, { credential: link.token })).status).toBe(201);
    const joined = await joinOver(controlSocket(s.url), {
      code: s.code,
      role: 'facilitator',
      facilitatorToken: link.token,
    });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    expect((await revokeLink(s.url, s.code, s.board.facilitatorToken, link.id)).status).toBe(204);
    for (const credential of [removed, eve.ticket, joined.ticket]) {
      expect((await upload(s.url, s.code, JPEG, { credential })).status).toBe(401);
      expect((await key(credential)).status).toBe(401);
    }
    expect((await fetchExport(s.url, s.board, 'export.md', removed)).status).toBe(401);
    await eventually(() => expect(photoCount(s)).toBe(1));
  });

  it('a participant who deletes their data with their content takes their photos off the board too (R29)', async () => {
    const s = await session();
    const socket = controlSocket(s.url);
    const zoe = await joinOver(socket, { code: s.code, role: 'participant', name: 'Zoe' });
    if (zoe.type !== 'joined') throw new Error(zoe.reason);
    expect((await upload(s.url, s.code, JPEG, { credential: zoe.ticket })).status).toBe(201);
    expect((await upload(s.url, s.code, JPEG, { credential: s.ticket })).status).toBe(201);
    await eventually(() => expect(photoCount(s)).toBe(2));
    const erase = { type: 'erase-my-data', content: 'remove', confirm: true } as const;
    expect(await socket.timeout(5000).emitWithAck(EV.command, erase)).toEqual({ type: 'ok' });
    await eventually(() => expect(photoCount(s)).toBe(1));
    const owners = [...part(s.facilitator, PHOTO_ROOT.photos).values()].map((p) => p.get('owner'));
    expect(owners).not.toContain(zoe.participantId);
  });

  it('a participant cannot create a photo entity in the document (only the server attaches)', async () => {
    const s = await session();
    createEntity(part(s.ana, PHOTO_ROOT.photos), 'photo00001', s.ana.participantId, {
      part: OS_ROOT.topics,
      ref: 'topic00001',
      type: 'image/jpeg',
      width: 1,
      height: 1,
      caption: '',
    });
    await eventually(() =>
      expect(s.ana.notices.some((n) => n.type === 'update-refused')).toBe(true),
    );
    expect(photoCount(s)).toBe(0);
  });

  it("a caption is written by the photo's owner or the facilitator: another participant's is refused", async () => {
    const s = await session();
    // Uploaded with its own ticket: the owner is that phone, not Ana.
    const { id } = (await (await upload(s.url, s.code, JPEG, { credential: s.ticket })).json()) as {
      id: string;
    };
    await eventually(() => expect(part(s.ana, PHOTO_ROOT.photos).has(id)).toBe(true));
    const caption = (doc: import('yjs').Doc) =>
      (doc.getMap(PHOTO_ROOT.photos).get(id) as import('yjs').Map<unknown>).get('caption');
    setPhotoCaption(s.ana.doc, id, 'Not my photo');
    await eventually(() =>
      expect(s.ana.notices.some((n) => n.type === 'update-refused')).toBe(true),
    );
    expect(caption(s.facilitator.doc)).toBe('');
    setPhotoCaption(s.facilitator.doc, id, 'Table 1, the five points');
    const bo = await s.join('Bo');
    await eventually(() => expect(caption(bo.doc)).toBe('Table 1, the five points'));
  });

  it('limits uploads per minute per person (429)', async () => {
    const s = await session();
    const statuses: number[] = [];
    for (let i = 0; i <= PHOTO_LIMITS.perMinute; i++)
      statuses.push((await upload(s.url, s.code, JPEG, { credential: s.ticket })).status);
    expect(statuses.slice(0, PHOTO_LIMITS.perMinute).every((x) => x === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('photos in the harvest', () => {
  it('export.zip has the proceedings with the photos linked, the CSVs and the images; export.html embeds them', async () => {
    const s = await session();
    const res = await upload(s.url, s.code, JPEG, { credential: s.ticket });
    const { id } = (await res.json()) as { id: string };
    await eventually(() => expect(photoCount(s)).toBe(1));
    const zip = await fetchExport(s.url, s.board, 'export.zip?lang=de');
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toContain(`photos/${id}.jpg`);
    expect(Buffer.from(files[`photos/${id}.jpg`]!).equals(Buffer.from(JPEG))).toBe(true);
    const md = strFromU8(files[names.find((n) => n.endsWith('.md'))!]!);
    expect(md).toContain(`(photos/${id}.jpg)`);
    expect(md).toContain('## Fotos');
    expect(md).toContain('### Youth exchange');
    expect(strFromU8(files['photos.csv']!)).toContain(`photos/${id}.jpg`);
    expect(names.some((n) => n.endsWith('.csv') && n !== 'photos.csv')).toBe(true);
    expect(strFromU8(files[names.find((n) => n.endsWith('.html'))!]!)).toContain(
      `src="photos/${id}.jpg"`,
    );
    // The participant's ticket reads photos, not the facilitator's harvest.
    expect((await fetchExport(s.url, s.board, 'export.zip', s.ticket)).status).toBe(403);
    expect((await fetchExport(s.url, s.board, 'export.zip', null)).status).toBe(401);
    const html = await (await fetchExport(s.url, s.board, 'export.html?lang=en')).text();
    expect(html).toContain(`data:image/jpeg;base64,${Buffer.from(JPEG).toString('base64')}`);
  });
});

describe('photos are deleted with the board', () => {
  it('delete-board removes the photos from the embedded store (SQLite)', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir });
    const board = await createBoard(server.url);
    const bo = await connectClient(server.url, board.code, { name: 'Bo' });
    // Top five: a group with a point is a target (its name is the reference).
    createEntity(part(bo, TF_ROOT.points), 'point00001', bo.participantId, {
      text: 'Trust',
      group: 'Table 1',
    });
    await eventually(async () => {
      const r = await upload(server.url, board.code, png(), {
        credential: board.facilitatorToken,
        part: TF_ROOT.points,
        ref: 'Table 1',
      });
      expect(r.status).toBe(201);
    });
    const rows = (): number => {
      const db = new Database(path.join(dataDir, 'twinspace.db'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM photos').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(rows()).toBe(1);
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    expect(await send(facilitator, { type: 'delete-board', confirm: true })).toMatchObject({
      type: 'ok',
    });
    expect(rows()).toBe(0);
  });
});

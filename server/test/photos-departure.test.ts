import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createEntity, EV, OS_ROOT, type CommandResult } from '@twinspace/shared';
import { PHOTO_ROOT } from '@twinspace/shared/boards/photos/layout';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  fetchExport,
  joinOver,
  startServer,
  tempDir,
  type ControlSocket,
} from './harness.ts';
import { part, send } from './open-space-helpers.ts';
import { JPEG, png } from './photo-fixtures.ts';

/**
 * A person's photos leave with them (SPEC R23, R29): from the board, from the exports, and
 * their bytes from the store, when a facilitator removes them with their content or they
 * delete their data with it.
 */
async function board() {
  const dataDir = tempDir();
  const server = await startServer({ DATA_DIR: dataDir });
  const created = await createBoard(server.url, 'open-space', 'Harvest');
  const facilitator = await connectClient(server.url, created.code, {
    role: 'facilitator',
    name: 'F',
    facilitatorToken: created.facilitatorToken,
  });
  expect(await send(facilitator, { type: 'set-phase', phase: 'marketplace' })).toEqual({
    type: 'ok',
  });
  createEntity(part(facilitator, OS_ROOT.topics), 'topic00001', facilitator.participantId, {
    title: 'Youth exchange',
    convener: 'F',
  });
  const url = server.url;
  const code = created.code;
  /** A participant's phone: its control socket and join ticket (photos go up with it). */
  const person = async (name: string) => {
    const socket = controlSocket(url);
    const joined = await joinOver(socket, { code, role: 'participant', name });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    return { ...joined, socket };
  };
  const upload = async (
    ticket: string,
    bytes: Uint8Array,
  ): Promise<{ id: string; url: string }> => {
    const res = await fetch(`${url}/api/boards/${code}/photos?part=topics&ref=topic00001`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ticket}` },
      body: Buffer.from(bytes),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; url: string };
  };
  /** Rows of the store's photos table owned by this person (their bytes). */
  const storedOf = (owner: string): number => {
    const db = new Database(path.join(dataDir, 'twinspace.db'), { readonly: true });
    try {
      const row = db.prepare('SELECT COUNT(*) AS n FROM photos WHERE owner = ?').get(owner);
      return (row as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const onBoard = (owner: string): number =>
    [...part(facilitator, PHOTO_ROOT.photos).values()].filter((p) => p.get('owner') === owner)
      .length;
  await eventually(() => expect(part(facilitator, OS_ROOT.topics).size).toBe(1));
  return { url, board: created, facilitator, person, upload, storedOf, onBoard };
}

const command = (socket: ControlSocket, cmd: unknown): Promise<CommandResult> =>
  socket.timeout(10_000).emitWithAck(EV.command, cmd as never);

describe('a person’s photos leave with them (R23, R29)', () => {
  it('a removal with their content takes their photos off the board, out of the exports and the store', async () => {
    const b = await board();
    const [mallory, ana] = [await b.person('Mallory'), await b.person('Ana')];
    const theirs = [await b.upload(mallory.ticket, png()), await b.upload(mallory.ticket, png())];
    const kept = await b.upload(ana.ticket, JPEG);
    await eventually(() => expect(b.onBoard(mallory.participantId)).toBe(2));
    expect(b.storedOf(mallory.participantId)).toBe(2);

    const remove = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
    expect(await send(b.facilitator, { ...remove, content: 'remove' })).toEqual({ type: 'ok' });
    // Before: both stayed on the board, were served, in the harvest, and in the store.
    await eventually(() => expect(b.onBoard(mallory.participantId)).toBe(0));
    expect(b.onBoard(ana.participantId)).toBe(1);
    for (const photo of theirs) expect((await fetch(`${b.url}${photo.url}`)).status).toBe(404);
    expect((await fetch(`${b.url}${kept.url}`)).status).toBe(200);
    await eventually(() => expect(b.storedOf(mallory.participantId)).toBe(0));
    expect(b.storedOf(ana.participantId)).toBe(1);
    const zip = await fetchExport(b.url, b.board, 'export.zip?lang=en');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const csv = strFromU8(files['photos.csv']!);
    for (const photo of theirs) {
      expect(Object.keys(files).some((f) => f.includes(photo.id))).toBe(false);
      expect(csv).not.toContain(photo.id);
    }
    expect(Object.keys(files)).toContain(`photos/${kept.id}.jpg`);
    const html = await (await fetchExport(b.url, b.board, 'export.html?lang=en')).text();
    expect(html).not.toContain('data:image/png');
  });

  it('a removal that keeps their content keeps their photos', async () => {
    const b = await board();
    const mallory = await b.person('Mallory');
    const photo = await b.upload(mallory.ticket, png());
    const remove = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
    expect(await send(b.facilitator, { ...remove, content: 'keep' })).toEqual({ type: 'ok' });
    expect((await fetch(`${b.url}${photo.url}`)).status).toBe(200);
    expect(b.onBoard(mallory.participantId)).toBe(1);
  });

  it('deleting one’s data with one’s content deletes the photos’ bytes too, not only their place on the board', async () => {
    const b = await board();
    const [zoe, ana] = [await b.person('Zoe'), await b.person('Ana')];
    const photo = await b.upload(zoe.ticket, png());
    await b.upload(ana.ticket, JPEG);
    await eventually(() => expect(b.onBoard(zoe.participantId)).toBe(1));
    const erase = { type: 'erase-my-data', content: 'remove', confirm: true };
    expect(await command(zoe.socket, erase)).toEqual({ type: 'ok' });
    await eventually(() => expect(b.onBoard(zoe.participantId)).toBe(0));
    expect((await fetch(`${b.url}${photo.url}`)).status).toBe(404);
    // Before: the bytes stayed in the store (a fresh photo is not swept for two minutes).
    expect(b.storedOf(zoe.participantId)).toBe(0);
    expect(b.storedOf(ana.participantId)).toBe(1);
  });

  it('an upload whose person was removed while it was on its way is not attached, and its bytes go', async () => {
    const b = await board();
    const mallory = await b.person('Mallory');
    const remove = { type: 'mod-remove-person', participantId: mallory.participantId } as const;
    // Sent together: whichever the server takes first, no photo of hers stays.
    const [up, removed] = await Promise.all([
      fetch(`${b.url}/api/boards/${b.board.code}/photos?part=topics&ref=topic00001`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mallory.ticket}` },
        body: Buffer.from(png()),
      }),
      send(b.facilitator, { ...remove, content: 'remove' }),
    ]);
    expect(removed).toEqual({ type: 'ok' });
    expect([201, 401, 403]).toContain(up.status);
    await eventually(() => expect(b.onBoard(mallory.participantId)).toBe(0));
    await eventually(() => expect(b.storedOf(mallory.participantId)).toBe(0));
  });
});

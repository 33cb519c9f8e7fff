import { describe, expect, it, onTestFinished } from 'vitest';
import { createEntity, EV, getCards, OS_ROOT, WS_CLOSE } from '@twinspace/shared';
import { saveContact } from '@twinspace/shared/boards/open-space/write';
import { startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  tempDir,
  type ControlSocket,
  type TestClient,
} from './harness.ts';
import { part } from './open-space-helpers.ts';

/**
 * SPEC R11, R29: a privacy request never fails without a word. When the store fails a step of
 * an erasure (SQLite busy, Redis away), the command is answered `not-stored`, the phone is
 * not told it is erased (it would forget the board, and the request its outbox keeps), and
 * the outbox's resend, with the same key, completes it.
 */
async function boardWithAda() {
  // The embedded store, with switches that make its appends or deletions of people fail.
  const inner = openSqliteStore(tempDir());
  const broken = { appends: false, deletes: false };
  const locked = (): Promise<never> => Promise.reject(new Error('database is locked'));
  const store: Store = {
    ...inner,
    appendUpdate: (code, update) => (broken.appends ? locked() : inner.appendUpdate(code, update)),
    deleteParticipant: (code, id) =>
      broken.deletes ? locked() : inner.deleteParticipant(code, id),
  };
  const config = loadConfig({ DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1' });
  const server = await startApp(config, createLogger('silent'), { store });
  onTestFinished(() => server.close());
  const board = await createBoard(server.url);
  const ada = await connectClient(server.url, board.code, { name: 'Ada' });
  saveContact(ada.doc, ada.participantId, { ...contact, name: 'Ada' });
  createEntity(getCards(ada.doc), 'cardADA001', ada.participantId, { text: 'by Ada' });
  /** What a fresh reader finds of her. */
  const traces = async () => {
    const w = await connectClient(server.url, board.code, { name: 'Witness' });
    onTestFinished(() => w.close());
    return {
      person: part(w, 'people').has(ada.participantId),
      contact: part(w, OS_ROOT.contacts).has(ada.participantId),
      cards: getCards(w.doc).size,
    };
  };
  await eventually(async () =>
    expect(await traces()).toEqual({ person: true, contact: true, cards: 1 }),
  );
  return { server, board, ada, broken, traces, inner };
}

const contact = {
  name: '',
  organisation: '',
  email: 'ada@example.org',
  phone: '',
  city: '',
  about: '',
};

const erase = {
  type: 'erase-my-data',
  content: 'remove',
  confirm: true,
  key: 'erase-ada-01',
} as const;
const sendErase = (socket: ControlSocket) => socket.timeout(10_000).emitWithAck(EV.command, erase);

function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => event && codes.push(event.code));
  return codes;
}

describe('an erasure the store fails (R11, R29)', () => {
  it('its write: answered not-stored, her phone keeps the request, the resend does it', async () => {
    const { ada, broken, traces } = await boardWithAda();
    const closes = closeCodes(ada);
    broken.appends = true;
    expect(await sendErase(ada.socket)).toMatchObject({ type: 'refused', reason: 'not-stored' });
    // The room that failed to store closes its sockets (1011, reconnect); before, hers was
    // closed 'erased' (4403) here, and her phone forgot the board and the request.
    await eventually(() => expect(closes.length).toBeGreaterThan(0));
    expect(closes).not.toContain(WS_CLOSE.participantErased);
    broken.appends = false;
    // The outbox sends it again, with its key, until it is stored (before: 'not-joined').
    await eventually(async () => expect(await sendErase(ada.socket)).toEqual({ type: 'ok' }));
    await eventually(() => expect(closes).toContain(WS_CLOSE.participantErased));
    expect(await traces()).toEqual({ person: false, contact: false, cards: 0 });
  });

  it('the deletion of her record: the board forgets her at once, the resend completes it', async () => {
    const { board, ada, broken, traces, inner } = await boardWithAda();
    const closes = closeCodes(ada);
    broken.deletes = true;
    expect(await sendErase(ada.socket)).toMatchObject({ type: 'refused', reason: 'not-stored' });
    // The document's part is done and holds; nothing more of hers is taken meanwhile.
    expect(await traces()).toEqual({ person: false, contact: false, cards: 0 });
    createEntity(getCards(ada.doc), 'cardADA002', ada.participantId, { text: 'after' });
    await eventually(() =>
      expect(ada.notices).toContainEqual(expect.objectContaining({ type: 'update-refused' })),
    );
    expect(closes).not.toContain(WS_CLOSE.participantErased);
    expect(await inner.getParticipant(board.code, ada.participantId)).not.toBeNull();
    broken.deletes = false;
    await eventually(async () => expect(await sendErase(ada.socket)).toEqual({ type: 'ok' }));
    await eventually(() => expect(closes).toContain(WS_CLOSE.participantErased));
    expect(await inner.getParticipant(board.code, ada.participantId)).toBeNull();
    expect(await traces()).toEqual({ person: false, contact: false, cards: 0 });
  });

  it('the deletion of her record, then her phone rejoins: the record goes, she comes back as no one', async () => {
    const { server, board, broken, inner } = await boardWithAda();
    // Her phone, as it keeps her identity (participant id and secret).
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'Ada' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    broken.deletes = true;
    expect(await sendErase(socket)).toMatchObject({ type: 'refused', reason: 'not-stored' });
    broken.deletes = false;
    socket.close();
    // The control socket dropped meanwhile: the phone joins again with its secret.
    const again = controlSocket(server.url);
    const rejoined = await joinOver(again, {
      code: board.code,
      role: 'participant',
      name: 'Ada',
      participantId: joined.participantId,
      participantSecret: joined.participantSecret,
    });
    expect(rejoined).toMatchObject({ type: 'joined' });
    expect(rejoined.type === 'joined' && rejoined.participantId).not.toBe(joined.participantId);
    expect(await inner.getParticipant(board.code, joined.participantId)).toBeNull();
    // Its outbox sends the request again: it erases what the new join made of her.
    expect(await sendErase(again)).toEqual({ type: 'ok' });
  });
});

import { describe, expect, it } from 'vitest';
import { EV, OS_ROOT, WS_CLOSE } from '@twinspace/shared';
import { addStory, saveContact } from '@twinspace/shared/boards/open-space/write';
import { startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import WebSocket from 'ws';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  startServer,
  tempDir,
  type TestClient,
} from './harness.ts';
import { openSpace, part, propose, send } from './open-space-helpers.ts';

const contact = (name: string) => ({
  name,
  organisation: 'City hall',
  email: `${name.toLowerCase()}@example.org`,
  phone: '+380 44 000 00 00',
  city: 'Kyiv',
  about: '',
});

/** What a participant left on the board, as a witness's copy of the document has it. */
function traces(witness: TestClient, participantId: string) {
  const owned = (root: string) =>
    [...part(witness, root).values()].filter((e) => e.get('owner') === participantId).length;
  return {
    person: part(witness, 'people').has(participantId),
    contact: part(witness, OS_ROOT.contacts).has(participantId),
    topics: owned(OS_ROOT.topics),
    stories: owned(OS_ROOT.stories),
  };
}

function closeCodes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

describe('a participant deletes their own data (docs/privacy.md, R29)', () => {
  it('removes their name and contact details, their content as chosen, and nobody else’s', async () => {
    const { server, board, facilitator, join } = await openSpace({ phase: 'marketplace' });
    const [ada, bo, cy] = [await join('Ada'), await join('Bo'), await join('Cy')];
    for (const [client, name] of [
      [ada, 'Ada'],
      [bo, 'Bo'],
      [cy, 'Cy'],
    ] as const) {
      await propose(client, `topic-${name.toLowerCase()}`, `${name}'s topic`, facilitator);
      saveContact(client.doc, client.participantId, contact(name));
      addStory(client.doc, client.participantId, `${name} tells a story`, 'en');
    }
    await eventually(() =>
      expect(traces(facilitator, bo.participantId)).toEqual({
        person: true,
        contact: true,
        topics: 1,
        stories: 1,
      }),
    );
    const adaCloses = closeCodes(ada);

    // Hostile: a command naming someone else erases only its sender; a projector erases nothing.
    const projector = await connectClient(server.url, board.code, { role: 'projector' });
    expect(
      await send(projector, { type: 'erase-my-data', content: 'remove', confirm: true }),
    ).toMatchObject({ type: 'refused', reason: 'read-only-role' });
    const forged = {
      type: 'erase-my-data',
      content: 'remove',
      confirm: true,
      participantId: ada.participantId,
    };
    expect(await bo.socket.emitWithAck(EV.command, forged as never)).toEqual({ type: 'ok' });
    expect(
      await cy.socket.emitWithAck(EV.command, {
        type: 'erase-my-data',
        content: 'remove',
      } as never),
    ).toMatchObject({ type: 'refused', reason: 'bad-request' });
    await eventually(() =>
      expect(traces(facilitator, bo.participantId)).toEqual({
        person: false,
        contact: false,
        topics: 0,
        stories: 0,
      }),
    );
    expect(traces(facilitator, ada.participantId)).toEqual({
      person: true,
      contact: true,
      topics: 1,
      stories: 1,
    });

    // Keep the content, without the name: the topic stays, its convener emptied.
    expect(await send(ada, { type: 'erase-my-data', content: 'keep', confirm: true })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(adaCloses).toContain(WS_CLOSE.participantErased));
    await eventually(() =>
      expect(traces(facilitator, ada.participantId)).toEqual({
        person: false,
        contact: false,
        topics: 1,
        stories: 1,
      }),
    );
    expect(part(facilitator, OS_ROOT.topics).get('topic-ada')?.get('convener')).toBe('');
    expect(traces(facilitator, cy.participantId)).toMatchObject({ person: true, topics: 1 });
  });

  it('her secret and ticket stop working, and the erasure survives a restart', async () => {
    const dir = tempDir();
    const server = await startServer({ DATA_DIR: dir });
    const board = await createBoard(server.url);
    const facilitator = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    const ada = await connectClient(server.url, board.code, { name: 'Ada' });
    saveContact(ada.doc, ada.participantId, contact('Ada'));
    await eventually(() =>
      expect(part(facilitator, OS_ROOT.contacts).has(ada.participantId)).toBe(true),
    );
    const socket = controlSocket(server.url);
    const before = await joinOver(socket, { code: board.code, role: 'participant', name: 'Ada 2' });
    if (before.type !== 'joined') throw new Error('join refused');
    expect(
      await socket.emitWithAck(EV.command, {
        type: 'erase-my-data',
        content: 'remove',
        confirm: true,
      }),
    ).toEqual({ type: 'ok' });
    // Rejoining with the old secret makes no one of her: a new participant, new id.
    const again = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'participant',
      name: 'Ada 2',
      participantId: before.participantId,
      participantSecret: before.participantSecret,
    });
    expect(again).toMatchObject({ type: 'joined' });
    expect(again.type === 'joined' && again.participantId).not.toBe(before.participantId);
    // Her ticket (still within its lifetime) no longer opens the board.
    const codes: number[] = [];
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/yjs/${board.code}?ticket=${before.ticket}`,
    );
    ws.on('close', (code) => codes.push(code));
    await eventually(() => expect(codes).toEqual([WS_CLOSE.participantErased]));

    // The document as stored: after a restart, Ada is not in it.
    expect(await send(ada, { type: 'erase-my-data', content: 'remove', confirm: true })).toEqual({
      type: 'ok',
    });
    await server.close();
    const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
    const restarted = await startApp(config, createLogger('silent'));
    try {
      const witness = await connectClient(restarted.url, board.code, {
        role: 'facilitator',
        name: 'F',
        facilitatorToken: board.facilitatorToken,
      });
      expect(part(witness, 'people').has(ada.participantId)).toBe(false);
      expect(part(witness, OS_ROOT.contacts).has(ada.participantId)).toBe(false);
      expect(part(witness, 'people').has(before.participantId)).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});

import { expect } from 'vitest';
import * as Y from 'yjs';
import { createEntity, EV, OS_ROOT, type Command, type CommandResult } from '@twinspace/shared';
import { connectClient, createBoard, eventually, startServer, type TestClient } from './harness.ts';

export const send = (client: TestClient, cmd: Command): Promise<CommandResult> =>
  client.socket.timeout(10_000).emitWithAck(EV.command, cmd);

export const part = (client: TestClient, root: string): Y.Map<Y.Map<unknown>> =>
  client.doc.getMap(root);

/** A board with a facilitator who made a grid of slots x spaces and set a phase. */
export async function openSpace(opts: { slots?: number; spaces?: number[]; phase?: string } = {}) {
  const server = await startServer();
  const board = await createBoard(server.url, 'open-space', 'Kyiv Open Space');
  const facilitator = await connectClient(server.url, board.code, {
    role: 'facilitator',
    name: 'Facilitator',
    facilitatorToken: board.facilitatorToken,
  });
  const slots = Array.from({ length: opts.slots ?? 2 }, (_, i) => `slot0000${i}`);
  const spaces = (opts.spaces ?? [20, 5]).map((_, i) => `space000${i}`);
  facilitator.doc.transact(() => {
    slots.forEach((id, i) =>
      createEntity(part(facilitator, OS_ROOT.slots), id, facilitator.participantId, {
        label: `Round ${i + 1}`,
        start: `${10 + i}:00`,
        end: `${10 + i}:45`,
        order: i,
      }),
    );
    (opts.spaces ?? [20, 5]).forEach((capacity, i) =>
      createEntity(part(facilitator, OS_ROOT.spaces), spaces[i]!, facilitator.participantId, {
        name: `Room ${String.fromCharCode(65 + i)}`,
        capacity,
        order: i,
      }),
    );
  });
  if (opts.phase)
    expect(await send(facilitator, { type: 'set-phase', phase: opts.phase })).toEqual({
      type: 'ok',
    });
  const join = async (name: string): Promise<TestClient> => {
    const client = await connectClient(server.url, board.code, { name });
    await eventually(() => expect(part(client, OS_ROOT.spaces).size).toBe(spaces.length));
    return client;
  };
  return { server, board, facilitator, slots, spaces, join };
}

/** A participant proposes a topic (a plain document edit) and waits until the server has it. */
export async function propose(
  client: TestClient,
  id: string,
  title: string,
  witness: TestClient,
): Promise<void> {
  createEntity(part(client, OS_ROOT.topics), id, client.participantId, {
    title,
    convener: 'Conv ' + title,
    description: `About ${title}`,
    language: 'uk',
  });
  await eventually(() => expect(part(witness, OS_ROOT.topics).get(id)?.get('title')).toBe(title));
}

let nonce = 0;
export const voteId = (): string => `vote-${Date.now().toString(36)}-${(nonce++).toString(36)}`;

import { expect } from 'vitest';
import * as Y from 'yjs';
import type { Command } from '@twinspace/shared';
import { connectClient, eventually, startBoard, type TestClient } from './harness.ts';
import { send } from './open-space-helpers.ts';

/**
 * A board for the plenary's tools (polls, Q&A): a facilitator (Fran), two participants (Ana
 * and Bo) and a projector, on a server of its own; all of them go when the test ends.
 */
export async function plenary(kind: 'open-space' | 'match-sprint' = 'open-space') {
  const { server, board } = await startBoard(kind, 'Plenary');
  const facilitator = await connectClient(server.url, board.code, {
    role: 'facilitator',
    name: 'Fran',
    facilitatorToken: board.facilitatorToken,
  });
  const ana = await connectClient(server.url, board.code, { name: 'Ana' });
  const bo = await connectClient(server.url, board.code, { name: 'Bo' });
  const projector = await connectClient(server.url, board.code, { role: 'projector' });
  const serverDoc = (): Y.Doc => server.registry.peek(board.code)!.doc;
  return { server, board, facilitator, ana, bo, projector, serverDoc };
}

/** Runs a hostile command and proves the board's document did not change at all. */
export async function refusedUnchanged(
  doc: () => Y.Doc,
  client: TestClient,
  cmd: Command,
  reason: string,
): Promise<void> {
  const before = Y.encodeStateVector(doc());
  expect(await send(client, cmd)).toMatchObject({ type: 'refused', reason });
  expect(Y.encodeStateVector(doc())).toEqual(before);
}

/**
 * Each attack writes to the board's document directly, from a fresh attacker of its own (a
 * refused client resyncs), all joined before the board is measured: every one is refused,
 * and the server's document is as it was.
 */
export async function writesRefused(
  { server, board, serverDoc }: Awaited<ReturnType<typeof plenary>>,
  attacks: ((doc: Y.Doc) => void)[],
): Promise<void> {
  const attackers = await Promise.all(
    attacks.map(() => connectClient(server.url, board.code, { name: 'Mallory' })),
  );
  const before = Y.encodeStateVector(serverDoc());
  attacks.forEach((attack, i) => attack(attackers[i]!.doc));
  for (const attacker of attackers)
    await eventually(() =>
      expect(attacker.notices).toContainEqual(expect.objectContaining({ type: 'update-refused' })),
    );
  expect(Y.encodeStateVector(serverDoc())).toEqual(before);
}

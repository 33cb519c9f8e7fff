import { expect } from 'vitest';
import { EV, MS_ROOT, type Command, type CommandResult } from '@twinspace/shared';
import { addMsCard, writeCities } from '@twinspace/shared/boards/match-sprint/write';
import { connectClient, eventually, startBoard, type TestClient } from './harness.ts';

/** Sends a command over the client's control socket and returns the server's answer. */
export const command = (client: TestClient, cmd: Command): Promise<CommandResult> =>
  client.socket.timeout(10_000).emitWithAck(EV.command, cmd);

export async function setPhase(facilitator: TestClient, phase: string): Promise<void> {
  expect(await command(facilitator, { type: 'set-phase', phase })).toEqual({ type: 'ok' });
}

/**
 * The facilitator names the board's cities, waits until the server's board says so (a member
 * joins as one of them), and opens the preparation.
 */
export async function nameCities(
  url: string,
  code: string,
  facilitator: TestClient,
  cities: string[],
): Promise<void> {
  writeCities(facilitator.doc, facilitator.participantId, cities);
  await eventually(async () => {
    const info = (await (await fetch(`${url}/api/boards/${code}`)).json()) as {
      cities: string[];
    };
    expect(info.cities).toEqual(cities);
  });
  await setPhase(facilitator, 'prepare');
}

/**
 * A Match & Sprint board with two cities and a member of each, the way a workshop starts:
 * the facilitator names the cities, then participants join as members of one.
 */
export async function twoCityBoard(cities: [string, string] = ['Minsk', 'Dresden']) {
  const { server, board } = await startBoard('match-sprint', 'Twin City Booster');
  const facilitator = await connectClient(server.url, board.code, {
    role: 'facilitator',
    name: 'Fran',
    facilitatorToken: board.facilitatorToken,
  });
  await nameCities(server.url, board.code, facilitator, cities);
  const a = await connectClient(server.url, board.code, { name: 'Anna', city: cities[0] });
  const b = await connectClient(server.url, board.code, { name: 'Bernd', city: cities[1] });
  return { server, board, facilitator, a, b };
}

/**
 * twoCityBoard with a need from Minsk (Anna's) and a potential from Dresden (Bernd's), the
 * board in the match phase as every phone sees it: the start of every matching test.
 */
export async function pairInMatch() {
  const ctx = await twoCityBoard();
  const { facilitator, a, b } = ctx;
  const need = addMsCard(a.doc, a.participantId, {
    city: 'Minsk',
    kind: 'need',
    title: 'Rooms for youth clubs',
    themes: [],
  });
  const pot = addMsCard(b.doc, b.participantId, {
    city: 'Dresden',
    kind: 'potential',
    title: 'Jugendhaus',
    themes: [],
  });
  await eventually(() => expect(facilitator.doc.getMap(MS_ROOT.cards).size).toBe(2));
  await setPhase(facilitator, 'match');
  for (const member of [a, b])
    await eventually(() => expect(member.doc.getMap('meta').get('phase')).toBe('match'));
  return { ...ctx, need, pot };
}

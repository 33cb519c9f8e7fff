import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { FullClient } from '../gen/full.ts';
import { Tally } from '../gen/tally.ts';
import type { RunningServer } from '../servers/index.ts';
import type { RoomRef } from './plan.ts';
import { homeOf, type Scenario } from './scenarios.ts';

const NOTES_TOPIC = 'topic_notes';
const topicId = (i: number): string => `topic_${String(i).padStart(3, '0')}`;

/**
 * Puts in place what typing and the vote storm need before anyone joins: per room a topic
 * whose notes (a Y.Text) the typists share, in the running phase; or a board of topics in
 * the voting phase. The facilitator's client made them and stays connected (the peers keep
 * a document in memory only while someone is there); the caller closes what is returned.
 */
export async function prepareRooms(
  s: Scenario,
  server: RunningServer,
  rooms: RoomRef[],
): Promise<FullClient[]> {
  if (s.name !== 'typing' && s.name !== 'vote-storm') return [];
  const seeders: FullClient[] = [];
  try {
    for (const [i, room] of rooms.entries()) {
      const ids =
        s.name === 'typing'
          ? [NOTES_TOPIC]
          : Array.from({ length: s.seedTopics }, (_, n) => topicId(n));
      // Routed by board, the facilitator's phone goes where everyone else's does.
      const url = server.routeByBoard
        ? homeOf(server.urls, room.name)
        : server.urls[i % server.urls.length]!;
      const seeder = new FullClient(
        server.protocol,
        { id: `facilitator${i}`, role: 'writer', url, room },
        new Tally(),
      );
      seeders.push(seeder);
      await seeder.open(true);
      seeder.createTopics(ids);
      if (server.protocol === 'twinspace') {
        const phase = s.name === 'typing' ? 'running' : 'voting';
        const result = await seeder.command({ type: 'set-phase', phase });
        if (result.type !== 'ok') throw new Error(`set-phase ${phase}: ${JSON.stringify(result)}`);
      }
      await seen(server, room, url, ids.length);
      if (s.name === 'typing') room.notesTopic = NOTES_TOPIC;
      else room.topics = ids;
    }
  } catch (error) {
    for (const c of seeders) c.close();
    throw error;
  }
  return seeders;
}

/** Polls with a fresh client until the server serves the seeded topics. */
async function seen(server: RunningServer, room: RoomRef, url: string, n: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const check = new FullClient(
      server.protocol,
      { id: 'seed-check', role: 'observer', url, room },
      new Tally(),
    );
    await check.open();
    const size = check.doc.getMap('topics').size;
    check.close();
    if (size >= n) return;
    await sleep(100); // poll interval until the server has the seed
  }
  throw new Error(`the server never served the ${n} seeded topics of ${room.name}`);
}

/** After a vote storm: the public tally of every topic, as a fresh client reads it. */
export async function readTallies(
  server: RunningServer,
  room: RoomRef,
): Promise<Record<string, number>> {
  const check = new FullClient(
    server.protocol,
    { id: 'tally-check', role: 'observer', url: server.urls[0]!, room },
    new Tally(),
  );
  await check.open();
  const out: Record<string, number> = {};
  check.doc.getMap<unknown>('topics').forEach((topic, id) => {
    const votes = topic instanceof Y.Map ? topic.get('votes') : undefined;
    out[id] = typeof votes === 'number' ? votes : 0;
  });
  check.close();
  return out;
}

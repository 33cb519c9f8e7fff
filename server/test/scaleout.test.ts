import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import type * as Y from 'yjs';
import {
  createEntity,
  EV,
  getCards,
  getMeta,
  PROTOCOL_VERSION,
  readCards,
  SOCKET_IO_PATH,
  type CommandResult,
  type Notice,
} from '@twinspace/shared';
import {
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  tempDir,
  type ControlSocket,
} from './harness.ts';
import { spawnServer } from './process.ts';
import { joinAs, scrape, startCluster, type Member } from './redis-cluster.ts';
import { freePort, startOwnRedis } from './redis-env.ts';

const texts = (doc: Y.Doc): string[] =>
  readCards(doc)
    .map((c) => c.text)
    .sort();
const add = (member: Member, text: string): void => {
  createEntity(getCards(member.doc), `card${text.replace(/\W/g, '')}`, member.participantId, {
    text,
  });
};

/** Writes a card every few ms until stopped: edits keep flowing while something breaks. */
const keepWriting = (member: Member, tag: string): { stop(): string[] } => {
  const written: string[] = [];
  const timer = setInterval(() => {
    const text = `${tag}${String(written.length).padStart(4, '0')}`;
    add(member, text);
    written.push(text);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return written;
    },
  };
};

describe('scale-out: several processes serve one board through Redis', () => {
  it('converges across two processes, shares tickets and notices, and exposes metrics', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const kyiv = await joinAs(a.url, board.code, { name: 'Kyiv' });
    const lviv = await joinAs(b.url, board.code, { name: 'Lviv' });
    add(kyiv, 'from Kyiv');
    add(lviv, 'from Lviv');
    for (const m of [kyiv, lviv])
      await eventually(() => expect(texts(m.doc)).toEqual(['from Kyiv', 'from Lviv']));

    // A ticket issued by one process opens the document on the other (one secret in Redis).
    const crossed = await joinAs(a.url, board.code, { name: 'Crossed', documentUrl: b.url });
    expect(texts(crossed.doc)).toEqual(['from Kyiv', 'from Lviv']);

    expect(await scrape(a.url, 'twinspace_updates_accepted_total')).toBeGreaterThan(0);
    expect(await scrape(a.url, 'twinspace_relay_latency_seconds_count')).toBeGreaterThan(0);
    expect(await scrape(b.url, 'twinspace_boards_loaded')).toBe(1);
    expect(await scrape(b.url, 'twinspace_connections')).toBeGreaterThanOrEqual(1);

    // A Socket.IO client of B loses its connection and lands on A (as through a balancer):
    // it comes back joined (connection-state recovery through Redis), and a notice sent by
    // process A's command reaches it.
    const listener = io(b.url, {
      path: SOCKET_IO_PATH,
      auth: { protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
    }) as ControlSocket;
    onTestFinished(() => void listener.close());
    const notices: Notice[] = [];
    listener.on(EV.notice, (n) => notices.push(n));
    const firstBroadcast = new Promise((resolve) => listener.once(EV.presence, resolve));
    const listenerJoin = { code: board.code, role: 'participant' as const, name: 'Listener' };
    expect((await joinOver(listener, listenerJoin)).type).toBe('joined');
    await firstBroadcast; // recovery resumes from the offset of the last broadcast received
    const manager = listener.io as unknown as { uri: string; engine: { close(): void } };
    manager.uri = a.url;
    manager.engine.close();
    await eventually(() => expect(listener.connected && listener.recovered).toBe(true));

    const facilitator = controlSocket(a.url);
    const token = board.facilitatorToken;
    await joinOver(facilitator, {
      code: board.code,
      role: 'facilitator',
      name: 'F',
      facilitatorToken: token,
    });
    const command = { type: 'delete-board', confirm: true } as const;
    const deleted = (await facilitator
      .timeout(10_000)
      .emitWithAck(EV.command, command)) as CommandResult;
    expect(deleted.type).not.toBe('refused');
    await eventually(() =>
      expect(notices).toContainEqual(expect.objectContaining({ type: 'board-deleted' })),
    );
  });

  it('loses nothing accepted when one of three processes is killed, and its client moves on', async () => {
    const { procs } = await startCluster(3);
    const [a, b, c] = [procs[0]!, procs[1]!, procs[2]!];
    const board = await createBoard(a.url, 'open-space');
    const fac = { role: 'facilitator' as const, facilitatorToken: board.facilitatorToken };
    const writer = await joinAs(c.url, board.code, { name: 'Writer', ...fac });
    const onA = await joinAs(a.url, board.code, { name: 'On A' });
    const onB = await joinAs(b.url, board.code, { name: 'On B' });

    const writing = keepWriting(writer, 'w');
    await eventually(() => expect(readCards(onA.doc).length).toBeGreaterThan(40), 20_000);
    await c.kill('SIGKILL');
    const seen = texts(onA.doc); // relayed by A, so appended to the Redis log first
    add(writer, 'written offline'); // the phone keeps working while it reconnects
    const written = [...writing.stop(), 'written offline'].sort();
    writer.provider.destroy();

    const rejoin = {
      participantId: writer.participantId,
      participantSecret: writer.participantSecret,
    };
    const moved = await joinAs(b.url, board.code, {
      name: 'Writer',
      ...fac,
      doc: writer.doc,
      rejoin,
    });
    for (const m of [moved, onA, onB])
      await eventually(() => expect(texts(m.doc)).toEqual(written), 20_000);
    const fresh = await joinAs(a.url, board.code, { name: 'Fresh' });
    expect(texts(fresh.doc)).toEqual(expect.arrayContaining(seen));
    expect(texts(fresh.doc)).toEqual(written);
  });

  it('keeps working through a Redis restart, losing nothing accepted', async () => {
    const redis = await startOwnRedis();
    const { prefix, procs } = await startCluster(2, redis.url);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const fac = { role: 'facilitator' as const, facilitatorToken: board.facilitatorToken };
    const writer = await joinAs(a.url, board.code, { name: 'Writer', ...fac });
    const reader = await joinAs(b.url, board.code, { name: 'Reader' });

    const writing = keepWriting(writer, 'w');
    await eventually(() => expect(readCards(reader.doc).length).toBeGreaterThan(20), 20_000);
    await redis.kill();
    const seen = texts(reader.doc); // relayed by B, so in the log before Redis went down
    // Appends fail now: the writer's room drops its connections; the phone keeps its edits.
    await eventually(() => expect(writer.provider.wsconnected).toBe(false), 20_000);
    await redis.start();
    await eventually(
      () => expect(writer.provider.wsconnected && writer.provider.synced).toBe(true),
      30_000,
    );
    add(reader, 'after the restart');
    const all = [...writing.stop(), 'after the restart'].sort();
    for (const m of [writer, reader])
      await eventually(() => expect(texts(m.doc)).toEqual(all), 30_000);

    // A process started now has nothing in memory: it reads the board from Redis alone.
    const third = await spawnServer({
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      DATA_DIR: tempDir(),
    });
    const fresh = await joinAs(third.url, board.code, { name: 'Fresh' });
    expect(texts(fresh.doc)).toEqual(expect.arrayContaining(seen));
    expect(texts(fresh.doc)).toEqual(all);
  });

  it('R11: a command whose change Redis did not take is refused, never answered ok', async () => {
    const redis = await startOwnRedis();
    const { procs, prefix } = await startCluster(1, redis.url);
    const a = procs[0]!;
    const board = await createBoard(a.url);
    const fac = { role: 'facilitator' as const, facilitatorToken: board.facilitatorToken };
    const control = controlSocket(a.url);
    expect((await joinOver(control, { code: board.code, name: 'F', ...fac })).type).toBe('joined');
    const setPhase = (key?: string): Promise<CommandResult> =>
      control
        .timeout(30_000)
        .emitWithAck(EV.command, { type: 'set-phase', phase: 'marketplace', ...(key && { key }) });
    // The board's mutex held elsewhere past the wait: nothing decided, so not final either
    // (before: 'bad-request', which a phone's outbox takes as a refusal and drops).
    const timer = (): Promise<CommandResult> =>
      control.timeout(30_000).emitWithAck(EV.command, {
        type: 'timer',
        action: 'start',
        durationMs: 60_000,
      });
    const raw = new Redis(redis.url);
    await raw.set(`${prefix}board:{${board.code}}:mutex`, 'someone', 'PX', 6_000);
    expect(await timer()).toMatchObject({ type: 'refused', reason: 'not-stored' });
    raw.disconnect();
    await redis.kill();
    // Before: 'ok', and after Redis came back the board was still in 'welcome'.
    expect(await setPhase()).toMatchObject({ type: 'refused', reason: 'not-stored' });
    // A phone's outbox sends it with a key: the same (before: 'bad-request').
    expect(await setPhase('phase-key-0001')).toMatchObject({ reason: 'not-stored' });
    await redis.start();
    const fresh = await joinAs(a.url, board.code, { name: 'Fresh' });
    expect(getMeta(fresh.doc).get('phase')).toBe('welcome');
    await eventually(
      async () => expect(await setPhase('phase-key-0001')).toEqual({ type: 'ok' }),
      20_000,
    );
  });

  it('refuses to start, with a clear message, when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(spawnServer({ REDIS_URL: url, DATA_DIR: tempDir() })).rejects.toThrow(
      /exited with 1[\s\S]*cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: connect ECONNREFUSED/,
    );
  });
});

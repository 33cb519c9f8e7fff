// A device's outbox sends a command until it gets an answer, perhaps to another process after
// a reconnect: the same key never applies twice (server/src/rooms/idempotency.ts).
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EV, OS_ROOT, type CommandResult, type KeyedCommand } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  joinOver,
  tempDir,
  type ControlSocket,
} from './harness.ts';
import { propose, voteId } from './open-space-helpers.ts';
import { spawnServer } from './process.ts';
import { TEST_REDIS_URL, testPrefix } from './redis-env.ts';

const send = (socket: ControlSocket, cmd: KeyedCommand, ms = 10_000): Promise<CommandResult> =>
  socket.timeout(ms).emitWithAck(EV.command, cmd);

describe('idempotent commands (outbox keys)', () => {
  it('the same key twice, to two processes, applies once and answers the same', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: testPrefix(), TICKET_SECRET: 'idem' };
    const a = await spawnServer(env);
    const b = await spawnServer(env);
    const board = await createBoard(a.url);
    const facilitator = await connectClient(a.url, board.code, {
      role: 'facilitator',
      name: 'F',
      facilitatorToken: board.facilitatorToken,
    });
    await send(facilitator.socket, { type: 'set-phase', phase: 'marketplace' });
    const ana = await connectClient(a.url, board.code, { name: 'Ana' });
    await propose(ana, 'topic00001', 'One', facilitator);
    const settings = facilitator.doc.getMap(OS_ROOT.settings);
    facilitator.doc.transact(() => {
      settings.set('voteBudget', 5);
      settings.set('multiDot', true);
    });
    await eventually(() => expect(ana.doc.getMap(OS_ROOT.settings).get('multiDot')).toBe(true));
    expect(await send(facilitator.socket, { type: 'set-phase', phase: 'voting' })).toEqual({
      type: 'ok',
    });

    // Ana's phone, on process a, then (after a reconnect) on process b, same participant.
    const onA = controlSocket(a.url);
    const joined = await joinOver(onA, { code: board.code, role: 'participant', name: 'Ana2' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    const onB = controlSocket(b.url);
    await joinOver(onB, {
      code: board.code,
      role: 'participant',
      name: 'Ana2',
      participantId: joined.participantId,
      participantSecret: joined.participantSecret,
    });
    const key = 'outbox-key-0001';
    const vote = { type: 'os-vote', topicId: 'topic00001', delta: 1 } as const;
    const first = await send(onA, { ...vote, voteId: voteId(), key });
    expect(first).toMatchObject({ type: 'ok', data: { ballot: { used: 1 } } });
    // The ack was "lost": the outbox sends it again, to the other process. Even with a new
    // voteId (which would otherwise count as a second dot), nothing changes.
    expect(await send(onB, { ...vote, voteId: voteId(), key })).toEqual(first);
    expect(await send(onA, { ...vote, voteId: voteId(), key })).toEqual(first);
    // Two sends of one key at once, to both processes: one applies.
    const key2 = 'outbox-key-0002';
    const [x, y] = await Promise.all([
      send(onA, { ...vote, voteId: voteId(), key: key2 }),
      send(onB, { ...vote, voteId: voteId(), key: key2 }),
    ]);
    expect(x).toEqual(y);
    expect(x).toMatchObject({ type: 'ok', data: { ballot: { used: 2 } } });
    // A new key is a new command.
    expect(await send(onB, { ...vote, voteId: voteId(), key: 'outbox-key-0003' })).toMatchObject({
      type: 'ok',
      data: { ballot: { used: 3 } },
    });
    const topic = facilitator.doc.getMap<{ get(k: string): unknown }>(OS_ROOT.topics);
    await eventually(() => expect(topic.get('topic00001')?.get('votes')).toBe(3));
  });

  it('one process with SQLite: a key sent again after a crash (SIGKILL) still applies once', async () => {
    const env = { DATA_DIR: tempDir('twinspace-idem-'), TICKET_SECRET: 'idem' };
    let server = await spawnServer(env);
    const board = await createBoard(server.url);
    const phone = controlSocket(server.url);
    const joined = await joinOver(phone, { code: board.code, role: 'participant', name: 'Ana' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    const ask = { type: 'qa-ask', text: 'Where is lunch?', anonymous: false } as const;
    const key = 'outbox-key-crash';
    const first = await send(phone, { ...ask, key });
    expect(first).toMatchObject({ type: 'ok' });
    // The answer died with the process (the phone never got it); the outbox sends it again.
    await server.kill('SIGKILL');
    server = await spawnServer(env);
    const again = controlSocket(server.url);
    const { participantId, participantSecret } = joined;
    const rejoin = { code: board.code, role: 'participant' as const, name: 'Ana' };
    await joinOver(again, { ...rejoin, participantId, participantSecret });
    expect(await send(again, { ...ask, key })).toEqual(first);
    const witness = await connectClient(server.url, board.code, { name: 'Witness' });
    expect(witness.doc.getMap('qaQuestions').size).toBe(1);
  });

  it('scaled out: a key whose process died mid-command runs when sent to another', async () => {
    const prefix = testPrefix();
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, TICKET_SECRET: 'idem' };
    const [a, b] = [await spawnServer(env), await spawnServer(env)];
    const board = await createBoard(b.url);
    const phone = controlSocket(a.url);
    const joined = await joinOver(phone, { code: board.code, role: 'participant', name: 'Ana' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    // The board's mutex is busy, so the command is still inside it when its process dies.
    const redis = new Redis(TEST_REDIS_URL);
    onTestFinished(() => redis.disconnect());
    await redis.set(`${prefix}board:{${board.code}}:mutex`, 'busy', 'PX', 3_000);
    const ask = { type: 'qa-ask', text: 'Where is lunch?', anonymous: false } as const;
    const key = 'outbox-key-died';
    void send(phone, { ...ask, key }).catch(() => undefined);
    await eventually(async () => expect(await redis.keys(`${prefix}*:cmd:*`)).toHaveLength(1));
    await a.kill('SIGKILL');
    const again = controlSocket(b.url);
    const { participantId, participantSecret } = joined;
    await joinOver(again, {
      code: board.code,
      role: 'participant',
      participantId,
      participantSecret,
    });
    // Before: 'the command is still running', for every resend during 24 hours.
    const answer = await send(again, { ...ask, key }, 40_000);
    expect(answer).toMatchObject({ type: 'ok' });
    const witness = await connectClient(b.url, board.code, { name: 'Witness' });
    expect(witness.doc.getMap('qaQuestions').size).toBe(1);
  });
});

// What a participant can make the server keep: every such store has a bound (docs/SECURITY.md,
// "Budgets and limits"), however many requests they send within their rate limits.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EV, type CommandResult, type KeyedCommand } from '@twinspace/shared';
import { COMMANDS_PER_SOCKET } from '../src/realtime/budgets.ts';
import { Redis } from 'ioredis';
import {
  ANSWERS_PER_PERSON,
  memoryLedger,
  redisLedger,
  type CommandLedger,
} from '../src/rooms/idempotency.ts';
import { sqliteLedger } from '../src/rooms/idempotency-sqlite.ts';
import { TEST_REDIS_URL, testPrefix } from './redis-env.ts';
import { controlSocket, createBoard, joinOver, startServer, tempDir } from './harness.ts';

const send = (socket: ReturnType<typeof controlSocket>, cmd: KeyedCommand) =>
  socket.timeout(10_000).emitWithAck(EV.command, cmd) as Promise<CommandResult>;

describe('what one participant can make the server keep', () => {
  it('answers of keyed commands: the newest few per person, not one per key sent', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir });
    const board = await createBoard(server.url);
    const socket = controlSocket(server.url);
    const joined = await joinOver(socket, { code: board.code, role: 'participant', name: 'Eve' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    // A script's keys, each new (a cheap query), within the commands' burst per connection.
    const total = ANSWERS_PER_PERSON + 60;
    expect(total).toBeLessThanOrEqual(COMMANDS_PER_SOCKET.burst);
    const answers = await Promise.all(
      Array.from({ length: total }, (_, i) =>
        send(socket, { type: 'poll-mine', key: `spam-key-${String(i).padStart(6, '0')}` }),
      ),
    );
    expect(answers.every((a) => a.type === 'ok')).toBe(true);
    const db = new Database(path.join(dataDir, 'twinspace.db'), { readonly: true });
    onTestFinished(() => void db.close());
    const { n } = db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM command_answers WHERE board = ?')
      .get(board.code)!;
    expect(n).toBe(ANSWERS_PER_PERSON);
  });

  const ledgers: [string, () => CommandLedger][] = [
    ['memory', () => memoryLedger()],
    ['sqlite', () => sqliteLedger(tempDir())],
    [
      'redis',
      () => {
        const redis = new Redis(TEST_REDIS_URL);
        onTestFinished(() => redis.disconnect());
        return redisLedger(redis, testPrefix());
      },
    ],
  ];
  it.each(ledgers)(
    '%s ledger: a person’s newest answers are kept, older ones go',
    async (_, make) => {
      const ledger = make();
      onTestFinished(() => ledger.close?.());
      let runs = 0;
      const run = async (): Promise<CommandResult> => ({
        type: 'ok',
        data: { n: ++runs } as never,
      });
      const keyed = (i: number) => ({
        type: 'poll-mine',
        key: `key-${String(i).padStart(8, '0')}`,
      });
      await ledger.run('BOARD2', 'other', keyed(0), run);
      for (let i = 0; i < ANSWERS_PER_PERSON + 20; i++)
        await ledger.run('BOARD2', 'eve', keyed(i), run);
      expect(runs).toBe(ANSWERS_PER_PERSON + 21);
      // The newest are answered as before; another person's answer is not pushed out by hers.
      await ledger.run('BOARD2', 'eve', keyed(ANSWERS_PER_PERSON + 19), run);
      await ledger.run('BOARD2', 'eve', keyed(20), run);
      await ledger.run('BOARD2', 'other', keyed(0), run);
      expect(runs).toBe(ANSWERS_PER_PERSON + 21);
      // The oldest went: sent again, it runs again.
      await ledger.run('BOARD2', 'eve', keyed(0), run);
      expect(runs).toBe(ANSWERS_PER_PERSON + 22);
    },
  );
});

import type { Redis } from 'ioredis';
import type { CommandResult } from '@twinspace/shared';
import { commandEnvelope } from '@twinspace/shared/schemas';
import { NotStoredError } from './notStored.ts';

/** How long a command's answer is kept for repeats (a phone may be offline for a while). */
export const COMMAND_KEY_TTL_MS = 24 * 3600_000;
/** A repeat that arrives while the first is still running waits this long for its answer. */
const WAIT_FOR_FIRST_MS = 8_000;
const PENDING = 'pending';
/**
 * Scaled out: a claim lasts this long unless the process running the command renews it (every
 * third of it), so the claim of a process that died mid-command (SIGKILL) lapses and the
 * device's resend runs it, instead of hearing "still running" for COMMAND_KEY_TTL_MS.
 */
export const PENDING_CLAIM_MS = 15_000;

/**
 * Runs each keyed command once per (board, participant, key): a repeat (an outbox resending
 * after a lost ack, to this process or another) gets the first answer and changes nothing.
 * Commands without a key run as before.
 */
export interface CommandLedger {
  run(
    code: string,
    actor: string,
    raw: unknown,
    fn: () => Promise<CommandResult>,
  ): Promise<CommandResult>;
  /** The board was deleted: its answers go (in Redis they go with the board's keys). */
  forget?(code: string): void;
  close?(): void;
}

/** The key a command message carries, if any (invalid keys are ignored: it runs unkeyed). */
export const keyOf = (raw: unknown): string | undefined => commandEnvelope.safeParse(raw).data?.key;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers kept per person and board: a device's outbox sends one command at a time and again
 * only until it is answered, so a repeat names one of a person's newest keys (a few devices
 * of theirs may send meanwhile). Older answers go: a script sending a new key with every
 * command (20 a second within its budget) cannot make the ledger grow.
 */
export const ANSWERS_PER_PERSON = 100;
/** Answers one process keeps in memory in all (memoryLedger), whoever sent them. */
const ANSWERS_IN_MEMORY = 100_000;

/** One process without a database: answers in memory, forgotten after the TTL or a restart. */
export function memoryLedger(ttlMs = COMMAND_KEY_TTL_MS): CommandLedger {
  // Insertion order is age: the first entries are the oldest, of everyone and of each person.
  const answers = new Map<string, { at: number; result: Promise<CommandResult> }>();
  const perPerson = new Map<string, string[]>();
  const drop = (id: string): void => {
    answers.delete(id);
    const person = id.slice(0, id.lastIndexOf('/'));
    const ids = perPerson.get(person);
    const at = ids?.indexOf(id) ?? -1;
    if (at >= 0) ids!.splice(at, 1);
    if (ids?.length === 0) perPerson.delete(person);
  };
  const keep = (person: string, id: string): void => {
    const ids = perPerson.get(person) ?? [];
    perPerson.set(person, ids);
    ids.push(id);
    while (ids.length > ANSWERS_PER_PERSON) drop(ids[0]!);
    const now = Date.now();
    for (const [old, v] of answers) {
      if (answers.size <= ANSWERS_IN_MEMORY && now - v.at <= ttlMs) break;
      drop(old);
    }
  };
  return {
    run(code, actor, raw, fn) {
      const key = keyOf(raw);
      if (!key) return fn();
      const person = `${code}/${actor}`;
      const id = `${person}/${key}`;
      const now = Date.now();
      const known = answers.get(id);
      if (known && now - known.at <= ttlMs) return known.result;
      if (known) drop(id);
      const result = fn();
      answers.set(id, { at: now, result });
      keep(person, id);
      // A command that failed to run (threw) may be tried again.
      result.catch(() => {
        if (answers.get(id)?.result === result) drop(id);
      });
      return result;
    },
    forget(code) {
      for (const id of [...answers.keys()]) if (id.startsWith(`${code}/`)) drop(id);
    },
  };
}

/** Scaled out: answers in Redis (SET NX claims a key, every process sees the answer). */
export function redisLedger(
  redis: Redis,
  prefix: string,
  ttlMs = COMMAND_KEY_TTL_MS,
): CommandLedger {
  const keyFor = (code: string, actor: string, key: string): string =>
    `${prefix}board:{${code}}:cmd:${actor}:${key}`;
  /** The person's keys, newest first: past ANSWERS_PER_PERSON the oldest answers go. */
  async function keepNewest(code: string, actor: string, key: string): Promise<void> {
    const list = `${prefix}board:{${code}}:cmdkeys:${actor}`;
    const replies = await redis
      .multi()
      .lpush(list, key)
      .lrange(list, ANSWERS_PER_PERSON, -1)
      .ltrim(list, 0, ANSWERS_PER_PERSON - 1)
      .pexpire(list, ttlMs)
      .exec();
    const old = replies?.[1]?.[1];
    if (Array.isArray(old) && old.length > 0)
      await redis.del(...old.map((o) => keyFor(code, actor, String(o))));
  }
  async function answerOf(k: string): Promise<CommandResult | null> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const value = await redis.get(k);
      if (value === null) return null; // the first attempt failed and released the key
      if (value !== PENDING) return JSON.parse(value) as CommandResult;
      if (Date.now() > deadline) return null;
      await sleep(delay); // polling interval while another process runs the first attempt
    }
  }
  return {
    async run(code, actor, raw, fn) {
      const key = keyOf(raw);
      if (!key) return fn();
      const k = keyFor(code, actor, key);
      // Enough rounds of waiting (WAIT_FOR_FIRST_MS each) to outlast a dead process's claim.
      for (let attempt = 0; attempt < 4; attempt++) {
        // Redis out of reach before anything ran: the outbox sends it again (SPEC R11).
        const claimed = await redis
          .set(k, PENDING, 'PX', PENDING_CLAIM_MS, 'NX')
          .catch((error: unknown) => {
            throw new NotStoredError(code, { cause: error });
          });
        if (claimed === 'OK') {
          const renew = setInterval(
            () => void redis.pexpire(k, PENDING_CLAIM_MS).catch(() => undefined),
            PENDING_CLAIM_MS / 3,
          );
          try {
            const result = await fn();
            // Stopped before the answer is written: a renewal sent after it would shorten it.
            clearInterval(renew);
            // The command ran: its answer goes to the device even if Redis took it away now
            // (the claim then lapses; a refusal here would tell the person it did not happen).
            const kept = await redis.set(k, JSON.stringify(result), 'PX', ttlMs).then(
              () => true,
              () => false,
            );
            // Best effort: the command ran and its answer is stored whatever this does.
            if (kept) await keepNewest(code, actor, key).catch(() => undefined);
            return result;
          } catch (error) {
            clearInterval(renew);
            await redis.del(k).catch(() => undefined);
            throw error;
          }
        }
        const answer = await answerOf(k);
        if (answer) return answer;
      }
      // Not final: the first attempt may yet finish or lapse, and a resend then gets its answer.
      return { type: 'refused', reason: 'not-stored', message: 'the command is still running' };
    },
    close: () => redis.disconnect(),
  };
}

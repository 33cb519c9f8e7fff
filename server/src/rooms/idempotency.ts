import type { Redis } from 'ioredis';
import type { CommandResult } from '@twinspace/shared';
import { commandEnvelope } from '@twinspace/shared/schemas';

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

/** One process (SQLite): answers in memory, forgotten after the TTL or a restart. */
export function memoryLedger(ttlMs = COMMAND_KEY_TTL_MS): CommandLedger {
  const answers = new Map<string, { at: number; result: Promise<CommandResult> }>();
  const sweep = (now: number): void => {
    for (const [k, v] of answers) if (now - v.at > ttlMs) answers.delete(k);
  };
  return {
    run(code, actor, raw, fn) {
      const key = keyOf(raw);
      if (!key) return fn();
      const id = `${code}/${actor}/${key}`;
      const now = Date.now();
      if (answers.size > 10_000) sweep(now);
      const known = answers.get(id);
      if (known && now - known.at <= ttlMs) return known.result;
      const result = fn();
      answers.set(id, { at: now, result });
      // A command that failed to run (threw) may be tried again.
      result.catch(() => answers.delete(id));
      return result;
    },
    forget(code) {
      for (const id of answers.keys()) if (id.startsWith(`${code}/`)) answers.delete(id);
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
        const claimed = await redis.set(k, PENDING, 'PX', PENDING_CLAIM_MS, 'NX');
        if (claimed === 'OK') {
          const renew = setInterval(
            () => void redis.pexpire(k, PENDING_CLAIM_MS).catch(() => undefined),
            PENDING_CLAIM_MS / 3,
          );
          try {
            const result = await fn();
            // Stopped before the answer is written: a renewal sent after it would shorten it.
            clearInterval(renew);
            await redis.set(k, JSON.stringify(result), 'PX', ttlMs);
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
      return { type: 'refused', reason: 'bad-request', message: 'the command is still running' };
    },
    close: () => redis.disconnect(),
  };
}

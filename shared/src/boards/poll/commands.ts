import type { z } from 'zod';
import type { pollCommands } from './schemas.ts';

/** Poll commands: the types both sides use; the zod schemas are in schemas.ts (server). */
export type PollCommand = z.infer<(typeof pollCommands)[number]>;
export type PollCommandType = PollCommand['type'];

/** One person's own answer to a poll, as `poll-mine` and `poll-answer` give it back. */
export interface MyPollAnswer {
  choices: number[];
  text: string;
}

/** Data poll commands return in their ack (CommandResult.data). */
export interface PollReply {
  type: 'poll-mine';
  /** Poll id -> the sender's answer. */
  answers: Record<string, MyPollAnswer>;
}

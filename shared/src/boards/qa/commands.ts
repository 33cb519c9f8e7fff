import type { z } from 'zod';
import type { qaCommands } from './schemas.ts';

/** Q&A commands: the types both sides use; the zod schemas are in schemas.ts (server). */
export type QaCommand = z.infer<(typeof qaCommands)[number]>;
export type QaCommandType = QaCommand['type'];

/** A question waiting for approval, as its author and the facilitator see it. */
export interface PendingQuestion {
  id: string;
  text: string;
  /** '' when asked anonymously. */
  name: string;
  createdAt: number;
  mine: boolean;
}

/** What `qa-private` (and `qa-ask`) give back: only what this person may see. */
export interface QaReply {
  type: 'qa-private';
  pending: PendingQuestion[];
  /** Ids of the sender's own questions (approved or not). */
  mine: string[];
  /** Ids of the questions the sender upvoted. */
  voted: string[];
}

import type { z } from 'zod';
import type { moderationCommands } from './schemas.ts';

/** Moderation commands: the types both sides use; the zod schemas are in schemas.ts (server). */
export type ModerationCommand = z.infer<(typeof moderationCommands)[number]>;
export type ModerationCommandType = ModerationCommand['type'];

/** One hidden item as the facilitator's console lists it (`mod-list`). */
export interface HiddenItem {
  key: string;
  part: string;
  id: string;
  field?: string | undefined;
  owner: string;
  at: number;
  /** The content as it was, readable only here (sealed in the document). */
  fields: Record<string, unknown>;
}

/** One submission waiting for approval, as the facilitator's console lists it. */
export interface QueuedItem {
  id: string;
  part: string;
  owner: string;
  at: number;
  fields: Record<string, unknown>;
}

/** The answer to `mod-list`: for facilitators only. */
export interface ModerationList {
  type: 'mod-list';
  hidden: HiddenItem[];
  queue: QueuedItem[];
  /** Every person's name by participant id (in anonymous mode, the only place they are). */
  names: Record<string, string>;
}

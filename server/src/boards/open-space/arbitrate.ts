import type * as Y from 'yjs';
import type { CommandResult, RefusalReason } from '@twinspace/shared';
import type { Room } from '../../rooms/room.ts';

export const OK: CommandResult = { type: 'ok' };

export const refused = (
  reason: RefusalReason | 'bad-request',
  message: string,
  data?: Extract<CommandResult, { type: 'ok' }>['data'],
): CommandResult => ({ type: 'refused', reason, message, ...(data ? { data } : {}) });

/**
 * Decides and writes in one step of the room's queue: `decide` sees the document with
 * every earlier change applied and nothing can slip in between its check and its write
 * (two drops on one cell, two votes against one budget), on every server process when
 * scaled out (Room.writeArbitrated). It must not throw: a throw in
 * the queue drops the room. It should refuse before writing anything.
 */
export async function arbitrate(
  room: Room,
  decide: (doc: Y.Doc) => CommandResult,
): Promise<CommandResult> {
  let result: CommandResult = refused('bad-request', 'the board is closing, try again');
  await room.writeArbitrated((doc) => {
    result = decide(doc);
  });
  return result;
}

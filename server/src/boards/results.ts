import type { CommandResult, RefusalReason } from '@twinspace/shared';

/** The answers a board command gives. */
export const OK: CommandResult = { type: 'ok' };

export const refused = (
  reason: RefusalReason | 'bad-request',
  message: string,
  data?: Extract<CommandResult, { type: 'ok' }>['data'],
): CommandResult => ({ type: 'refused', reason, message, ...(data ? { data } : {}) });

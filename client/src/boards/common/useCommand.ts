import { useCallback } from 'react';
import type { Command, CommandResult } from '@twinspace/shared/protocol';
import { useSession } from '../../app/sessionContext.ts';
import { toast } from '../../state/toastStore.ts';

/**
 * The one way a view sends a command, on every board kind and feature. A refusal (or no
 * answer in time) shows the usual toast. Resolves with the server's answer, refusals
 * included (null on timeout), so a caller can read the data an ack carries (a ballot, a
 * schedule preview); `result?.type === 'ok'` says whether the server agreed.
 */
export function useCommand(): (cmd: Command) => Promise<CommandResult | null> {
  const session = useSession();
  return useCallback(
    async (cmd: Command) => {
      const result = await session.command(cmd);
      if (result === 'timeout' || result.type !== 'ok') {
        const reason = result === 'timeout' ? 'timeout' : result.reason;
        toast({ kind: 'command', reason, tone: 'warning' });
      }
      return result === 'timeout' ? null : result;
    },
    [session],
  );
}

import { useCallback } from 'react';
import type { Command } from '@twinspace/shared/protocol';
import { useSession } from '../../app/sessionContext.ts';
import { toast } from '../../state/toastStore.ts';

/** Sends a command; a refusal shows the usual toast. Resolves true when the server agreed. */
export function useCommand(): (cmd: Command) => Promise<boolean> {
  const session = useSession();
  return useCallback(
    async (cmd: Command) => {
      const result = await session.command(cmd);
      if (result !== 'timeout' && result.type === 'ok') return true;
      toast({
        kind: 'command',
        reason: result === 'timeout' ? 'timeout' : result.reason,
        tone: 'warning',
      });
      return false;
    },
    [session],
  );
}

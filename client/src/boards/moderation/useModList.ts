import { useCallback, useEffect, useState } from 'react';
import type { ModerationList } from '@twinspace/shared/boards/moderation/commands';
import { useSession } from '../../app/sessionContext.ts';
import { useBoardStore } from '../../state/boardStore.ts';
import { useQueue, useTombstones } from '../../state/moderationStore.ts';

/** How long the console waits for changes to settle before it asks again. */
const REFRESH_DELAY_MS = 400;

const EMPTY: ModerationList = { type: 'mod-list', hidden: [], queue: [], names: {} };

/**
 * The facilitator's read of what only facilitators may see (`mod-list`): hidden content, the
 * queue's content, everyone's names. Asked again whenever the board's tombstones or queue
 * change (or people join), so the console follows what another facilitator did.
 */
export function useModList(): { list: ModerationList; refresh: () => void } {
  const session = useSession();
  const tombstones = useTombstones();
  const queue = useQueue();
  // Someone joined (or renamed): on an anonymous board only this read knows their name.
  const people = useBoardStore((s) => s.people);
  const [list, setList] = useState<ModerationList>(EMPTY);
  const refresh = useCallback(() => {
    void session.command({ type: 'mod-list' }).then((result) => {
      if (result !== 'timeout' && result.type === 'ok' && result.data?.type === 'mod-list')
        setList(result.data);
    });
  }, [session]);
  // Coalesced: a room joining at once is one read, not one per person.
  useEffect(() => {
    const timer = setTimeout(refresh, REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [refresh, tombstones, queue, people]);
  return { list, refresh };
}

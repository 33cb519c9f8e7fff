import { useMemo } from 'react';
import { nowAndNext } from '@twinspace/shared/boards/open-space/nowNext';
import type { Slot } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { useServerNow } from '../common/useServerNow.ts';

/**
 * The session running now and the next one, in the venue's time zone. Apart from hooks.ts:
 * only the running views and the wall need it, and a phone loads those when sessions run.
 */
export function useNowAndNext(): { now: Slot | null; next: Slot | null } {
  const slots = useOs('slots');
  const timeZone = useOs('settings').timezone;
  const tick = useServerNow(15_000);
  return useMemo(() => nowAndNext(slots, new Date(tick), timeZone), [slots, tick, timeZone]);
}

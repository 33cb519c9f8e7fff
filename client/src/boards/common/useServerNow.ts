import { useEffect, useState } from 'react';
import { serverNow } from '../../state/connectionStore.ts';

/** Server time, ticking every `everyMs`: timers agree on every screen whatever its clock. */
export function useServerNow(everyMs = 500): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(tick);
  }, [everyMs]);
  return now;
}

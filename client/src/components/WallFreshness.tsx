import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMING } from '@twinspace/shared/timing';
import { useOutOfStepSince } from '../state/connectionStore.ts';

/**
 * A wall keeps showing what it has while its link is down or stalled, and a room reads it
 * as the board now. Once it has been out of step for TIMING.wallStaleAfterMs it says as of
 * when, in type the room can read (the badge beside it is small), until it is in step again.
 * Starting up is not stale: only a wall that was in step has something old to show.
 */
export function WallFreshness() {
  const { t, i18n } = useTranslation('board');
  const since = useOutOfStepSince();
  const [staleSince, setStaleSince] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return undefined;
    const wait = since + TIMING.wallStaleAfterMs - Date.now();
    const timer = setTimeout(() => setStaleSince(since), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [since]);
  if (since === null || staleSince !== since) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="projector__stale" data-testid="wall-as-of" role="status">
      {t('projector.asOf', { time: time.format(since) })}
    </p>
  );
}

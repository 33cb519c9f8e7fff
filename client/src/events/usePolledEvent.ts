import { useEffect, useState } from 'react';
import type { EventInfo } from '@twinspace/shared/events/types';
import { EventApiError, fetchEvent } from './api.ts';

export type EventProblem = 'not-found' | 'unreachable' | null;

/**
 * The event as the server has it, asked again every `everyMs` while the page is visible and
 * at once when it becomes visible again. Polling, not a socket: the page holds no board
 * document, phases and the current board change a few times an hour, and a plain GET works
 * through any balancer and any process (the server keeps the answer 2 s, so a full room
 * costs one read per period). `refresh` asks now (after the facilitator changed something).
 * `reached`: told whether each request reached the server (a page without a board socket
 * shows that in the header's connection badge).
 */
export function usePolledEvent(code: string, everyMs: number, reached?: (ok: boolean) => void) {
  const [info, setInfo] = useState<EventInfo | null>(null);
  const [problem, setProblem] = useState<EventProblem>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (): Promise<void> => {
      clearTimeout(timer);
      try {
        const next = await fetchEvent(code);
        if (!live) return;
        setInfo(next);
        setProblem(null);
        reached?.(true);
      } catch (error) {
        if (!live) return;
        const gone = error instanceof EventApiError && error.kind === 'not-found';
        setProblem(gone ? 'not-found' : 'unreachable');
        if (!gone) reached?.(false);
        if (gone) return;
      }
      if (!document.hidden) timer = setTimeout(() => void ask(), everyMs);
    };
    const onVisible = (): void => {
      if (!document.hidden) void ask();
    };
    void ask();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [code, everyMs, tick, reached]);
  return { info, problem, refresh: () => setTick((n) => n + 1) };
}

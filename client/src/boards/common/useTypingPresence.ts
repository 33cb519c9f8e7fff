import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../../app/sessionContext.ts';

/** Typing counts as stopped after this long without a keystroke. */
const TYPING_IDLE_MS = 2_500;

/**
 * Reports "typing in <focus>" while keys are being pressed, and "stopped" after a pause,
 * on blur and on unmount. The session throttles what actually goes over the wire.
 */
export function useTypingPresence(focus: string): { typed(): void; stop(): void } {
  const session = useSession();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const api = useMemo(() => {
    const clear = (): void => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
    return {
      typed: (): void => {
        session.presence(focus, true);
        clear();
        timer.current = setTimeout(() => session.presence(focus, false), TYPING_IDLE_MS);
      },
      stop: (): void => {
        clear();
        session.presence(null, false);
      },
    };
  }, [session, focus]);
  useEffect(() => api.stop, [api]);
  return api;
}

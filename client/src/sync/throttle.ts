/**
 * Leading + trailing throttle: the first call goes out at once, later calls within the
 * window are folded into one call with the latest arguments at the end of the window.
 * The trailing call matters for presence: "stopped typing" must never be swallowed.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  waitMs: number,
): Throttled<A> {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;

  const run = (args: A): void => {
    lastRun = Date.now();
    fn(...args);
  };

  const throttled = (...args: A): void => {
    const wait = lastRun + waitMs - Date.now();
    if (wait <= 0 && timer === null) {
      run(args);
      return;
    }
    pending = args;
    timer ??= setTimeout(
      () => {
        timer = null;
        if (pending !== null) {
          const next = pending;
          pending = null;
          run(next);
        }
      },
      Math.max(0, wait),
    );
  };

  throttled.cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}

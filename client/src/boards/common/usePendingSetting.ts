import { useState } from 'react';
import type { CommandResult } from '@twinspace/shared/protocol';

interface Pending<T> {
  value: T;
  /** The server agreed; the board's own value is on its way (another channel). */
  agreed: boolean;
}

/**
 * A setting that a command changes (the server decides, not the device's document): the
 * control shows the value asked for at once, not after a round trip that looks like an
 * ignored tap on venue Wi-Fi, until the board has it; a refusal (with its toast, from
 * useCommand) or no answer puts the board's value back.
 */
export function usePendingSetting<T>(
  actual: T,
): [T, (next: T, send: () => Promise<CommandResult | null>) => void] {
  const [pending, setPending] = useState<Pending<T> | null>(null);
  // Adjusted while rendering (React's pattern for state derived from props): agreed and
  // arrived, the board's value takes over again.
  if (pending?.agreed && Object.is(pending.value, actual)) setPending(null);
  const change = (next: T, send: () => Promise<CommandResult | null>): void => {
    setPending({ value: next, agreed: false });
    void send().then((result) =>
      setPending((p) =>
        p?.value !== next ? p : result?.type === 'ok' ? { value: next, agreed: true } : null,
      ),
    );
  };
  return [pending ? pending.value : actual, change];
}

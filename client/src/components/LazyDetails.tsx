import { Suspense, useState, type ReactNode } from 'react';
import { Loading } from './Loading.tsx';

/**
 * A <details> whose content renders (and whose lazy code downloads) only once opened:
 * the extras below a phone's board cost nothing before the board shows.
 */
export function LazyDetails({
  summary,
  className,
  testId,
  children,
}: {
  summary: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className={className}
      data-testid={testId}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      {summary}
      {open ? <Suspense fallback={<Loading />}>{children}</Suspense> : null}
    </details>
  );
}

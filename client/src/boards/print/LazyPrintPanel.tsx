import { Suspense } from 'react';
import { lazy } from '../../app/lazy.ts';

/** The posters download with the first look at the console's print panel, not with the console. */
const PrintPanel = lazy(() => import('./PrintPanel.tsx').then((m) => ({ default: m.PrintPanel })));

export function LazyPrintPanel() {
  return (
    <Suspense fallback={null}>
      <PrintPanel />
    </Suspense>
  );
}

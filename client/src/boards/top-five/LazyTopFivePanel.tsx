import { Suspense, lazy } from 'react';
import { Loading } from '../../components/Loading.tsx';

// Top five is a side activity: its code downloads when someone opens it, not before the
// board shows (the participant's budget is 180 KB of JavaScript).
const Panel = lazy(() => import('./TopFivePanel.tsx').then((m) => ({ default: m.TopFivePanel })));

export function LazyTopFivePanel() {
  return (
    <Suspense fallback={<Loading />}>
      <Panel />
    </Suspense>
  );
}

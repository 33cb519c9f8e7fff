import { Suspense, lazy, type ReactNode } from 'react';
import { Loading } from '../../components/Loading.tsx';
import { useBoardInfo } from '../../state/sessionStore.ts';

// The board's code (dnd-kit included) downloads only for Open Space boards.
const OpenSpaceBoard = lazy(() => import('./OpenSpaceBoard.tsx'));
const OpenSpaceProjector = lazy(() => import('./Projector.tsx'));

/** Shows the Open Space view on an open-space board, and `children` on any other. */
export function OpenSpaceOr({
  view,
  children,
}: {
  view: 'board' | 'projector';
  children: ReactNode;
}) {
  const kind = useBoardInfo()?.kind;
  if (kind !== 'open-space') return children;
  return (
    <Suspense fallback={<Loading />}>
      {view === 'projector' ? <OpenSpaceProjector /> : <OpenSpaceBoard />}
    </Suspense>
  );
}

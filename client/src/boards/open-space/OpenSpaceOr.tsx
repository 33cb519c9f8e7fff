import { Suspense, type ReactNode } from 'react';
import { lazy } from '../../app/lazy.ts';
import { Loading } from '../../components/Loading.tsx';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { boardChunks } from '../loaders.ts';

// The board's code (dnd-kit included) downloads only for Open Space boards.
const OpenSpaceBoard = lazy(boardChunks['open-space'].board);
const OpenSpaceProjector = lazy(boardChunks['open-space'].projector);

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

import { Suspense, type ReactNode } from 'react';
import { lazy } from '../../app/lazy.ts';
import { Loading } from '../../components/Loading.tsx';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { boardChunks } from '../loaders.ts';

// The board's code downloads only for Match & Sprint boards.
const MatchSprintBoard = lazy(boardChunks['match-sprint'].board);
const MatchSprintProjector = lazy(boardChunks['match-sprint'].projector);

/** Shows the Match & Sprint view on a match-sprint board, and `children` on any other. */
export function MatchSprintOr({
  view,
  children,
}: {
  view: 'board' | 'projector';
  children: ReactNode;
}) {
  const kind = useBoardInfo()?.kind;
  if (kind !== 'match-sprint') return children;
  return (
    <Suspense fallback={<Loading />}>
      {view === 'projector' ? <MatchSprintProjector /> : <MatchSprintBoard />}
    </Suspense>
  );
}

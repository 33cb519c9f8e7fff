import { PhaseBadge } from '../../components/PhaseBadge.tsx';
import { useDocTitle } from '../../state/boardStore.ts';
import { useBoardInfo } from '../../state/sessionStore.ts';

/** The board's title (the document's, once synced, so a rename shows live) and phase. */
export function useBoardTitle(): string {
  const docTitle = useDocTitle();
  const board = useBoardInfo();
  return docTitle ?? board?.title ?? '';
}

export function BoardHeading() {
  const title = useBoardTitle();
  return (
    <div className="board-heading">
      <h1 className="board-heading__title">{title}</h1>
      <PhaseBadge className="board-heading__phase" />
    </div>
  );
}

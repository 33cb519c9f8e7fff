import { createElement, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { lazy, preloadView } from '../app/lazy.ts';
import type { BoardInfo } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { loadBoardStrings } from '../i18n/index.ts';
import type { BoardNamespace } from '../i18n/languages.ts';
import { useBoardInfo } from '../state/sessionStore.ts';

type Loader = () => Promise<{ default: ComponentType }>;

/**
 * The client's registry of board kinds (docs/adding-a-board.md), one entry per kind: every
 * board's code, split by who needs it: a phone never downloads the facilitator's
 * console, and nobody downloads the other kind of board. One place, so that the lazy
 * components and the preloading below name the same chunks.
 */
export const boardChunks = {
  'open-space': {
    board: () => withStrings('openSpace', import('./open-space/OpenSpaceBoard.tsx')),
    console: () =>
      import('./open-space/FacilitatorConsole.tsx').then((m) => ({
        default: m.FacilitatorConsole,
      })),
    projector: () => withStrings('openSpace', import('./open-space/Projector.tsx')),
  },
  'match-sprint': {
    board: () => withStrings('matchSprint', import('./match-sprint/MatchSprintBoard.tsx')),
    console: () =>
      import('./match-sprint/FacilitatorControls.tsx').then((m) => ({
        default: m.FacilitatorControls,
      })),
    projector: () => withStrings('matchSprint', import('./match-sprint/ProjectorView.tsx')),
  },
} satisfies Record<BoardInfo['kind'], Record<'board' | 'console' | 'projector', Loader>>;

/** Top five, a side activity on both boards: its code downloads when someone opens it. */
export const topFivePanel = (): Promise<{ default: ComponentType }> =>
  import('./top-five/TopFivePanel.tsx').then((m) => ({ default: m.TopFivePanel }));

/**
 * Polls and Q&A, on both boards: their views (one chunk) download with the `polls` strings
 * when one is first rendered, after the board has painted, never as part of a phone's first
 * load. The two entry points live here, not in a file of their own, which would be one more
 * chunk on every phone's first load.
 */
const plenaryViews = () =>
  import('./poll/views.ts').then(async (m) => {
    await m.loadPollStrings();
    return m;
  });
const PollPanel = lazy(() => plenaryViews().then((m) => ({ default: m.PollPanel })));
const QaPanel = lazy(() => plenaryViews().then((m) => ({ default: m.QaPanel })));
const PlenaryConsole = lazy(() => plenaryViews().then((m) => ({ default: m.PlenaryConsole })));
const Stage = lazy(() => plenaryViews().then((m) => ({ default: m.Stage })));

/** A phone's polls (open ones first, answerable) and questions for the plenary. */
export const Plenary = () =>
  createElement(Suspense, { fallback: null }, createElement(PollPanel), createElement(QaPanel));

/**
 * The projector's wall, or instead the poll or the questions the facilitator shows. Until
 * the plenary's code is here, the board's own wall shows.
 */
export const PlenaryStage = ({ children }: { children: ReactNode }) =>
  createElement(Suspense, { fallback: children }, createElement(Stage, null, children));

/** The facilitator's polls and Q&A, in the console of either board kind. */
export const PlenaryControls = () =>
  createElement(Suspense, { fallback: null }, createElement(PlenaryConsole));

/** A board's code and its strings download together; it renders once both are here. */
function withStrings<M>(ns: BoardNamespace, code: Promise<M>): Promise<M> {
  return Promise.all([code, loadBoardStrings(ns)]).then(([m]) => m);
}

const chunksFor = (kind: BoardInfo['kind'], role: Role): Loader[] => {
  const chunks = boardChunks[kind];
  if (role === 'projector') return [chunks.projector];
  return role === 'facilitator' ? [chunks.board, chunks.console] : [chunks.board];
};

const isKnownKind = (kind: string): kind is BoardInfo['kind'] => kind in boardChunks;

/** Starts downloading what this role needs of a board of this kind (unknown kinds: nothing). */
export function preloadBoardChunks(kind: string, role: Role): void {
  if (!isKnownKind(kind)) return;
  for (const load of chunksFor(kind, role)) void preloadView(load).catch(() => undefined);
}

/**
 * Starts downloading the board's code as soon as its kind is known, while the person types
 * their name and the join runs: on a 2 s round trip that is one wait less after joining.
 */
export function usePreloadBoard(role: Role): void {
  const kind = useBoardInfo()?.kind;
  useEffect(() => {
    if (kind) preloadBoardChunks(kind, role);
  }, [kind, role]);
}

/** The facilitator's moderation panel (both consoles): its own chunk, never a phone's. */
export const moderationPanel = () =>
  import('./moderation/ModerationPanel.tsx').then((m) => ({ default: m.ModerationPanel }));

/** A participant's waiting or hidden entries: downloads only once there is one to show. */
export const myModeration = () =>
  import('./moderation/MyModeration.tsx').then((m) => ({ default: m.MyModeration }));

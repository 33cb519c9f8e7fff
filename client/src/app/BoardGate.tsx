import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { lazy } from './lazy.ts';
import { useTranslation } from 'react-i18next';
import type { Role } from '@twinspace/shared/rules/model';
import { useController, useSessionStatus } from '../state/sessionStore.ts';
import { BoardSession } from '../sync/boardSession.ts';
import { holdBoardTab, type TabState } from '../sync/tabLock.ts';
import { Loading } from '../components/Loading.tsx';
import { usePreloadBoard } from '../boards/loaders.ts';
import { Page } from './AppHeader.tsx';
import { JoinForm } from './JoinForm.tsx';
import { MessageScreen } from './MessageScreen.tsx';
import { SessionContext } from './sessionContext.ts';
import { dropBoardPreview } from './boardPreview.ts';
import { useReachability } from './useReachability.ts';

/** After "delete my data" (privacy/), with its strings: loaded only then. */
const ErasedScreen = lazy(() =>
  import('../privacy/ErasedScreen.tsx').then(async (m) => {
    await m.stringsLoaded;
    return { default: m.ErasedScreen };
  }),
);

/**
 * Everything between a board URL and the board: loading it, the join form, and the
 * screens for a board that does not exist (any more). Renders `children` once joined.
 */
export function BoardGate({
  code,
  role,
  bare = false,
  children,
}: {
  code: string;
  role: Role;
  /** Render screens without the page frame (the projector has its own). */
  bare?: boolean;
  children: ReactNode;
}) {
  const tab = useBoardTab(code, role);
  const session = useController();
  usePreloadBoard(role);

  const status = useSessionStatus();
  useEffect(() => dropBoardPreview(status), [status]);
  const ready = session !== null && session.code === code && session.role === role;
  if (tab.state === 'held' && ready && status === 'joined') {
    return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  }
  const screen =
    tab.state === 'elsewhere' || tab.state === 'taken' ? (
      <OtherTabScreen state={tab.state} takeOver={tab.takeOver} />
    ) : ready ? (
      <GateScreen session={session} />
    ) : (
      <Loading />
    );
  return bare ? screen : <Page className="page--narrow">{screen}</Page>;
}

/**
 * The board's session, in this tab only while it holds the board (sync/tabLock.ts): the
 * session registers itself in the session store; one per mount (and per board).
 */
function useBoardTab(code: string, role: Role): { state: TabState; takeOver: () => void } {
  const [state, setState] = useState<TabState>('asking');
  const [claims, setClaims] = useState(0);
  useEffect(() => {
    let session: BoardSession | null = null;
    const release = holdBoardTab(code, role, claims > 0, (next) => {
      setState(next);
      if (next === 'held' && !session) {
        session = new BoardSession(code, role);
        void session.open();
      } else if (next === 'taken') {
        session?.destroy();
        session = null;
      }
    });
    return () => {
      release();
      session?.destroy();
    };
  }, [code, role, claims]);
  return { state, takeOver: () => setClaims((n) => n + 1) };
}

function OtherTabScreen({
  state,
  takeOver,
}: {
  state: 'elsewhere' | 'taken';
  takeOver: () => void;
}) {
  const { t } = useTranslation();
  // No session runs in this tab: the badge tells whether the server answers, as on the
  // landing page, not a "Syncing" that never ends (or the ended session's last state).
  useReachability();
  return (
    <MessageScreen title={t(`screens.otherTab.${state}`)} body={t('screens.otherTab.body')}>
      <button type="button" className="button button--primary" onClick={takeOver}>
        {t('screens.otherTab.useHere')}
      </button>
    </MessageScreen>
  );
}

function GateScreen({ session }: { session: BoardSession }) {
  const { t } = useTranslation(['common', 'moderation']);
  const status = useSessionStatus();
  switch (status) {
    case 'loading':
    case 'joined':
      return <Loading />;
    case 'needs-join':
    case 'joining':
      return <JoinForm session={session} />;
    case 'not-found':
      return (
        <MessageScreen
          title={t('screens.noBoard.title')}
          body={t('screens.noBoard.body', { code: session.code })}
        />
      );
    case 'load-error':
      return (
        <MessageScreen
          title={t('screens.loadError.title')}
          body={t('screens.loadError.body')}
          tone="warning"
        >
          <button type="button" className="button" onClick={() => void session.open()}>
            {t('actions.retry')}
          </button>
        </MessageScreen>
      );
    case 'missing-key':
      return (
        <MessageScreen
          title={t('screens.missingKey.title')}
          body={t('screens.missingKey.body')}
          tone="warning"
        />
      );
    case 'deleted':
      return <MessageScreen title={t('screens.deleted.title')} body={t('screens.deleted.body')} />;
    case 'removed':
      return (
        <MessageScreen
          title={t('moderation:removedScreen.title')}
          body={t('moderation:removedScreen.body')}
          tone="warning"
        />
      );
    case 'erased':
      return (
        <Suspense fallback={<Loading />}>
          <ErasedScreen />
        </Suspense>
      );
    case 'revoked':
      return (
        <MessageScreen
          title={t('screens.revoked.title')}
          body={t('screens.revoked.body')}
          tone="warning"
        />
      );
    case 'outdated':
      return (
        <MessageScreen
          title={t('screens.outdated.title')}
          body={t('screens.outdated.body')}
          tone="warning"
        >
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('actions.reload')}
          </button>
        </MessageScreen>
      );
  }
}

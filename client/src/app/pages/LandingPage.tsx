import { Suspense, useState } from 'react';
import { lazy } from '../lazy.ts';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '@twinspace/shared/protocol';
import { useReachability } from '../useReachability.ts';
import { Page } from '../AppHeader.tsx';
import { CreateBoardForm } from './CreateBoardForm.tsx';
import { CreatedBoard } from './CreatedBoard.tsx';
import { JoinCodeForm } from './JoinCodeForm.tsx';
import { Link } from '../Link.tsx';
import { NEW_EVENT_PATH } from '../routes.ts';
import { loadChunk } from '../../sync/chunks.ts';

/** This device's boards and their keys (privacy/): with its strings, after the page. */
const MyBoards = lazy(() =>
  import('../../privacy/MyBoards.tsx').then(async (m) => {
    await m.stringsLoaded;
    return { default: m.MyBoards };
  }),
);

/** `/`: create a board, or join one by its room code; the boards this device runs. */
export default function LandingPage() {
  const { t } = useTranslation('landing');
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  useReachability();

  return (
    <Page className="page--landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('hero.title')}</h1>
        <p className="lead">{t('hero.lead')}</p>
        <p>
          <Link href={NEW_EVENT_PATH} data-testid="new-event-link">
            {t('hero.event')}
          </Link>
        </p>
      </section>
      <div className="landing-grid">
        {created ? (
          <CreatedBoard board={created} onAnother={() => setCreated(null)} />
        ) : (
          <CreateBoardForm
            onCreated={(board) => {
              setCreated(board);
              // Into this device's list of boards, with its key (privacy/myBoards.ts).
              const { code, title, kind, facilitatorToken: token } = board;
              const entry = {
                type: 'board' as const,
                code,
                title,
                kind,
                token,
                addedAt: Date.now(),
              };
              void loadChunk(() => import('../../privacy/myBoards.ts')).then((m) =>
                m.rememberMine([entry]),
              );
            }}
          />
        )}
        <div className={created ? undefined : 'landing-grid__join'}>
          <JoinCodeForm />
        </div>
      </div>
      <Suspense fallback={null}>
        <MyBoards created={created} />
      </Suspense>
    </Page>
  );
}

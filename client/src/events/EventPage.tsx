import { useTranslation } from 'react-i18next';
import type { EventBoard } from '@twinspace/shared/events/types';
import { Page } from '../app/AppHeader.tsx';
import { Loading } from '../components/Loading.tsx';
import { MessageScreen } from '../app/MessageScreen.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { navigate } from '../app/router.ts';
import { participantPath } from '../app/routes.ts';
import { phaseLabel } from './labels.ts';
import type { JoinDetails } from '../sync/joining.ts';
import { handOver, knownPerson } from './device.ts';
import { boardsInOrder } from './order.ts';
import { useEventStrings } from './strings.ts';
import { usePolledEvent } from './usePolledEvent.ts';
import { showReached } from './reached.ts';
import './events.css';

/** How often a phone asks what is on (the current board changes a few times a day). */
const POLL_MS = 10_000;

/** /e/:code: what is on now at the event, and the way into each board as the same person. */
export default function EventPage({ code }: { code: string }) {
  const ready = useEventStrings();
  const { t } = useTranslation('events');
  const { info, problem } = usePolledEvent(code, POLL_MS, showReached);
  if (!ready) return <Loading />;
  if (!info) {
    if (problem === 'not-found')
      return (
        <Page>
          <MessageScreen title={t('page.notFound')} body={t('page.notFoundBody', { code })} />
        </Page>
      );
    if (problem)
      return (
        <Page>
          <MessageScreen
            title={t('page.unreachable')}
            body={t('page.unreachableBody')}
            tone="warning"
          />
        </Page>
      );
    return <Loading />;
  }
  const person = knownPerson(info.boards.map((b) => b.code));
  const url = window.location.origin + window.location.pathname;
  return (
    <Page className="page--event">
      <section className="event-head" aria-labelledby="event-title">
        <p className="eyebrow">{t('page.eyebrow')}</p>
        <h1 id="event-title" data-testid="event-title">
          {info.title}
        </h1>
        {person?.name ? <p className="lead">{t('page.youAre', { name: person.name })}</p> : null}
        {problem ? (
          <p className="event-stale" role="status">
            {t('page.stale')}
          </p>
        ) : null}
      </section>
      {info.boards.length === 0 ? (
        <p className="panel">{t('page.noBoards')}</p>
      ) : (
        <ol className="event-boards" aria-label={t('page.boards')}>
          {boardsInOrder(info).map((board) => (
            <BoardItem
              key={board.code}
              board={board}
              now={board.code === info.current}
              person={person}
            />
          ))}
        </ol>
      )}
      <section className="panel event-share" aria-labelledby="event-share">
        <h2 id="event-share">{t('page.share')}</h2>
        <QrCode url={url} label={t('page.qrAlt', { url })} className="event-share__qr" />
        <p className="event-share__url">{url}</p>
      </section>
    </Page>
  );
}

function BoardItem({
  board,
  now,
  person,
}: {
  board: EventBoard;
  now: boolean;
  person: JoinDetails | null;
}) {
  const { t } = useTranslation(['events', 'common']);
  const open = (): void => {
    handOver(board.code, person);
    navigate(participantPath(board.code));
  };
  return (
    <li
      className={now ? 'event-board event-board--now' : 'event-board'}
      data-testid="event-board"
      data-code={board.code}
    >
      <div className="event-board__text">
        {now ? <span className="badge event-board__now">{t('page.now')}</span> : null}
        <h2 className="event-board__title">{board.title}</h2>
        <p className="event-board__meta">
          {t(`common:kinds.${board.kind}`)} · {phaseLabel(board.kind, board.phase)}
        </p>
      </div>
      <button
        type="button"
        className={now ? 'button button--primary' : 'button'}
        onClick={open}
        data-testid="event-board-open"
      >
        {t('page.open')}
      </button>
    </li>
  );
}

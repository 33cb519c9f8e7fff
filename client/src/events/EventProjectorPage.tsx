import { Suspense } from 'react';
import { lazy } from '../app/lazy.ts';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../components/QrCode.tsx';
import { Loading } from '../components/Loading.tsx';
import { eventPath } from '@twinspace/shared/events/types';
import { useEventStrings } from './strings.ts';
import { usePolledEvent } from './usePolledEvent.ts';
import './events.css';

const BoardProjector = lazy(() => import('../app/pages/ProjectorPage.tsx'));

/** The wall follows the facilitator's choice within a few seconds (a poll: see usePolledEvent). */
const POLL_MS = 4_000;

/**
 * /e/:code/projector: the wall of an event. It shows the board the facilitator marked as on
 * now (that board's own projector, its room code and QR code), and switches by itself when
 * the facilitator picks another; with none picked, the event's own code and QR code.
 */
export default function EventProjectorPage({ code }: { code: string }) {
  const ready = useEventStrings();
  const { t } = useTranslation('events');
  const { info, problem } = usePolledEvent(code, POLL_MS);
  if (!ready || (!info && !problem)) return <Loading />;
  if (info?.current)
    return (
      <Suspense fallback={<Loading />}>
        <BoardProjector key={info.current} code={info.current} />
      </Suspense>
    );
  const url = window.location.origin + eventPath(code);
  return (
    <div className="projector event-wall" data-testid="event-wall">
      <main id="main" className="projector__main event-wall__main">
        <h1 className="event-wall__title">{info?.title ?? t('page.notFound')}</h1>
        <p className="event-wall__lead">
          {info ? t('projector.waiting') : t('page.notFoundBody', { code })}
        </p>
      </main>
      {info ? (
        <aside className="projector__join" aria-label={t('projector.join')}>
          <p className="projector__label">{t('projector.scan')}</p>
          <QrCode url={url} label={t('page.qrAlt', { url })} className="projector__qr" />
          {/* The line may break before the path, never inside the event's code. */}
          <p className="projector__url" data-testid="event-wall-url">
            {window.location.host}
            <wbr />
            <span className="event-wall__path">{eventPath(code)}</span>
          </p>
        </aside>
      ) : null}
    </div>
  );
}

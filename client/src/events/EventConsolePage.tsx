import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventPath, eventProjectorPath, type EventInfo } from '@twinspace/shared/events/types';
import { Page } from '../app/AppHeader.tsx';
import { MessageScreen } from '../app/MessageScreen.tsx';
import { navigate } from '../app/router.ts';
import { facilitatorPath, projectorPath } from '../app/routes.ts';
import { CopyLink } from '../components/CopyLink.tsx';
import { Loading } from '../components/Loading.tsx';
import { currentUiLanguage } from '../i18n/index.ts';
import { phaseLabel } from './labels.ts';
import { deleteEvent, downloadEventExport, setCurrentBoard } from './api.ts';
import { CarryPanel } from './CarryPanel.tsx';
import { NewBoardForm } from './NewBoardForm.tsx';
import { takeEventToken } from './device.ts';
import { useEventStrings } from './strings.ts';
import { usePolledEvent } from './usePolledEvent.ts';
import { showReached } from './reached.ts';
import './events.css';

/** The console sees phases change as they happen on the boards' own consoles. */
const POLL_MS = 5_000;

/**
 * /e/:code/facilitate#key=...: every board of the event in one place (phase, the way to each
 * board's console with the event's key), new boards, the board on now, carry forward, the
 * event's story as a file, and deleting the event.
 */
export default function EventConsolePage({ code }: { code: string }) {
  const ready = useEventStrings();
  const { t } = useTranslation('events');
  const [token] = useState(() => takeEventToken(code));
  const { info, problem, refresh } = usePolledEvent(code, POLL_MS, showReached);
  if (!ready) return <Loading />;
  if (!token)
    return (
      <Page>
        <MessageScreen title={t('console.noKey')} body={t('console.noKeyBody')} tone="warning" />
      </Page>
    );
  if (!info) {
    if (problem === 'not-found')
      return (
        <Page>
          <MessageScreen title={t('page.notFound')} body={t('page.notFoundBody', { code })} />
        </Page>
      );
    return <Loading />;
  }
  return (
    <Page wide className="page--event-console">
      <section className="event-head">
        <p className="eyebrow">{t('console.eyebrow')}</p>
        <h1 data-testid="event-title">{info.title}</h1>
        <CopyLink
          label={t('create.pageLink')}
          url={window.location.origin + eventPath(code)}
          testId="event-url"
        />
        <CopyLink
          label={t('create.projectorLink')}
          url={window.location.origin + eventProjectorPath(code)}
          testId="event-projector-url"
        />
      </section>
      <BoardTable info={info} token={token} onChange={refresh} />
      <NewBoardForm event={code} token={token} onCreated={refresh} />
      <CarryPanel info={info} token={token} />
      <EventActions code={code} token={token} />
    </Page>
  );
}

function BoardTable({
  info,
  token,
  onChange,
}: {
  info: EventInfo;
  token: string;
  onChange: () => void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const [failed, setFailed] = useState(false);
  const choose = async (board: string | null): Promise<void> => {
    try {
      await setCurrentBoard(info.code, token, board);
      setFailed(false);
      onChange();
    } catch {
      setFailed(true);
    }
  };
  if (info.boards.length === 0) return <p className="panel">{t('page.noBoards')}</p>;
  return (
    <section className="panel" aria-labelledby="event-boards-h">
      <h2 id="event-boards-h">{t('page.boards')}</h2>
      <table className="event-table">
        <thead>
          <tr>
            <th scope="col">{t('console.board')}</th>
            <th scope="col">{t('console.phase')}</th>
            <th scope="col">{t('console.now')}</th>
            <th scope="col">{t('console.links')}</th>
          </tr>
        </thead>
        <tbody>
          {info.boards.map((b) => (
            <tr key={b.code} data-testid="console-board" data-code={b.code}>
              <td>
                <strong>{b.title}</strong>
                <br />
                {t(`common:kinds.${b.kind}`)} · <span className="room-code">{b.code}</span>
              </td>
              <td>{phaseLabel(b.kind, b.phase)}</td>
              <td>
                {b.code === info.current ? (
                  <span className="badge event-board__now" data-testid="console-current">
                    {t('page.now')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void choose(b.code)}
                    data-testid="console-make-current"
                  >
                    {t('console.makeCurrent')}
                  </button>
                )}
              </td>
              <td className="event-table__links">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => navigate(`${facilitatorPath(b.code)}#key=${token}`)}
                >
                  {t('console.openConsole')}
                </button>
                <a
                  className="button button--small button--quiet"
                  href={projectorPath(b.code)}
                  target="_blank"
                  rel="noopener"
                >
                  {t('console.openProjector')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failed ? (
        <p className="form-error" role="alert">
          {t('console.failed')}
        </p>
      ) : null}
      {info.current ? (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void choose(null)}
        >
          {t('console.noneCurrent')}
        </button>
      ) : null}
    </section>
  );
}

function EventActions({ code, token }: { code: string; token: string }) {
  const { t } = useTranslation('events');
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async (format: 'md' | 'html'): Promise<void> => {
    setFailed(!(await downloadEventExport(code, token, format, currentUiLanguage())));
  };
  const remove = async (): Promise<void> => {
    try {
      await deleteEvent(code, token);
      navigate('/', { replace: true });
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="panel event-actions" aria-labelledby="event-actions-h">
      <h2 id="event-actions-h">{t('console.story')}</h2>
      <p className="panel__help">{t('console.storyHelp')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void download('md')}
          data-testid="event-export-md"
        >
          {t('console.exportMd')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void download('html')}
          data-testid="event-export-html"
        >
          {t('console.exportHtml')}
        </button>
      </div>
      {failed ? (
        <p className="form-error" role="alert">
          {t('console.failed')}
        </p>
      ) : null}
      <h2>{t('console.delete')}</h2>
      {confirming ? (
        <div className="button-row">
          <p className="panel__warning">{t('console.deleteConfirm')}</p>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void remove()}
            data-testid="event-delete-confirm"
          >
            {t('console.deleteYes')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(false)}
          >
            {t('console.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => setConfirming(true)}
          data-testid="event-delete"
        >
          {t('console.delete')}
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/sessionContext.ts';
import { useConnectionState, useOutboxPending } from '../state/connectionStore.ts';

/**
 * "Leave this board" at the foot of a participant's board: after a second tap, nothing of
 * the board stays on this phone (a shared or borrowed phone at a workshop). What has not
 * reached the server yet would be lost, so the question says so when that may be the case.
 */
export function LeaveBoard() {
  const { t } = useTranslation();
  const session = useSession();
  const pending = useOutboxPending();
  const connection = useConnectionState();
  const unsent = pending > 0 || connection !== 'online';
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <div className="leave-board">
        <button
          type="button"
          className="button button--quiet"
          data-testid="leave-board"
          onClick={() => setAsking(true)}
        >
          {t('leave.button')}
        </button>
      </div>
    );
  return (
    <div className="leave-board leave-board--asking" role="group" aria-label={t('leave.button')}>
      <p>{t('leave.question')}</p>
      {unsent ? <p className="leave-board__warning">{t('leave.unsent')}</p> : null}
      <div className="leave-board__actions">
        <button
          type="button"
          className="button button--danger"
          data-testid="leave-board-confirm"
          onClick={() => {
            session.leave();
            navigate('/');
          }}
        >
          {t('leave.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
          {t('leave.cancel')}
        </button>
      </div>
    </div>
  );
}
